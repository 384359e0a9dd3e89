import { makeCtx } from '../shared/context';
import { openStore } from '../workspace/open-store';
import { writeFileAtomic } from '../documents/atomic-write';
import { DomainError } from '../shared/errors';
import { exportBundle } from '../workspace/bundle';
import { formatBundle } from './bundle-file';
import { formatBytes, plural, totalRows } from './format';
import { warnAboutLocation } from './location-warnings';
import type { Verb } from './verb';
import { isSqliteFile, sameFile } from './workspace-file';

export const exportBundleVerb: Verb = {
  name: 'export-bundle',
  summary: 'Write the whole workspace as a JSON bundle (format: docs/bundle.md), to import elsewhere or to keep.',
  options: {
    db: { type: 'string', value: 'FILE', required: true, help: 'the workspace to export: a .db file or a PostgreSQL database (postgres://user@host/db)' },
    out: { type: 'string', value: 'FILE.json', required: true, help: 'the bundle file to write (replaced if it exists)' },
  },
  async run({ values }, cli) {
    const path = values.db as string;
    const out = values.out as string;
    // The write's own guard refuses these too; asking first spares opening (and perhaps
    // migrating and backing up) a workspace for an export that cannot be written.
    if (sameFile(path, out) || isSqliteFile(out)) {
      throw new DomainError('cli.outIsWorkspace', `${out} is a workspace file; export-bundle will not overwrite it. Choose a .json file name.`, 'out');
    }
    const store = await openStore(path, { create: false });
    warnAboutLocation(store, cli);
    try {
      const bundle = await exportBundle({ ...makeCtx(store, cli.actor, cli.now), operation: 'cli.export-bundle' });
      const text = formatBundle(bundle);
      writeFileAtomic(out, text, '.json');
      const counts = Object.fromEntries(Object.entries(bundle.tables).map(([t, rows]) => [t, rows.length]));
      cli.say(`Wrote ${out}: ${plural(totalRows(counts), 'row')} from ${plural(Object.keys(counts).length, 'table')} (${formatBytes(Buffer.byteLength(text))}).`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
