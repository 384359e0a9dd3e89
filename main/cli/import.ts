import type { Db } from '../db/connection';
import type { Ctx } from '../shared/context';
import { createBackup, openWorkspace } from '../workspace/backups';
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
    db: { type: 'string', value: 'FILE', required: true, help: 'the workspace to fill: a new file, or an empty workspace' },
  },
  positionals: [{ name: 'BUNDLE.json', help: 'a bundle written by export-bundle (format: docs/bundle.md)' }],
  async run({ values, positionals }, cli) {
    const path = values.db as string;
    const file = positionals[0]!;
    const bundle = readBundleFile(file);
    const before = workspaceBefore(path);
    let db: Db | undefined;
    try {
      db = openWorkspace(path);
      warnAboutLocation(db, cli);
      // A file that was already there is backed up before the import writes to it.
      if (before === 'existing') await createBackup(db, 'before-import', cli.now());
      const ctx: Ctx = { db, actor: cli.actor, operation: 'cli.import', now: cli.now };
      const counts = db.transaction(() => importBundle(ctx, bundle)).immediate();
      db.close();
      cli.say(`Imported ${plural(totalRows(counts), 'row')} from ${file} into ${path}: ${rowCounts(counts)}.`);
      return 0;
    } catch (err) {
      db?.close();
      undoCreate(path, before);
      throw err;
    }
  },
};
