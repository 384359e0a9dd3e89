import type { Store } from '../db/store';
import { inTransaction, makeCtx } from '../shared/context';
import { createBackup } from '../workspace/backups';
import { openStore } from '../workspace/open-store';
import { importBundle } from '../workspace/bundle';
import { readBundleFile } from './bundle-file';
import { plural, rowCounts, totalRows } from './format';
import { warnAboutLocation } from './location-warnings';
import type { Verb } from './verb';
import { undoCreate, workspaceBefore } from './workspace-file';

export const importVerb: Verb = {
  name: 'import',
  summary:
    'Import a JSON bundle into a new, empty workspace (created if FILE does not exist). All or nothing: on any problem every one is listed by path and nothing is written.',
  options: {
    db: { type: 'string', value: 'FILE', required: true, help: 'the workspace to fill: a new file, an empty workspace, or an empty PostgreSQL database (postgres://user@host/db)' },
  },
  positionals: [{ name: 'BUNDLE.json', help: 'a bundle written by export-bundle (format: docs/bundle.md)' }],
  async run({ values, positionals }, cli) {
    const path = values.db as string;
    const file = positionals[0]!;
    const bundle = readBundleFile(file);
    const before = workspaceBefore(path);
    let store: Store | undefined;
    try {
      // An empty PostgreSQL database (as IT creates it) is given the workspace's tables first.
      store = await openStore(path, before === 'server' ? { initialiseEmpty: true } : {});
      warnAboutLocation(store, cli);
      // A file that was already there is backed up before the import writes to it.
      if (before === 'existing' && store.sqlite) await createBackup(store.sqlite, 'before-import', cli.now());
      const ctx = { ...makeCtx(store, cli.actor, cli.now), operation: 'cli.import' };
      const counts = await store.write((trx) => importBundle(inTransaction(ctx, trx), bundle));
      const location = store.location;
      await store.close();
      // The location, not what was typed: a PostgreSQL URL may carry a password.
      cli.say(`Imported ${plural(totalRows(counts), 'row')} from ${file} into ${location}: ${rowCounts(counts)}.`);
      return 0;
    } catch (err) {
      await store?.close();
      undoCreate(path, before);
      throw err;
    }
  },
};
