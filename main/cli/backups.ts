import { existsSync } from 'node:fs';
import { formatMoment } from '../shared/dates';
import { DomainError } from '../shared/errors';
import { backupsFolder, listBackups, type BackupEntry } from '../workspace/backups';
import { formatBytes } from './format';
import { refusePostgres } from './workspace-file';
import type { Verb } from './verb';

/** The last column: the schema version, and why a backup cannot be restored when it cannot. */
function state(b: BackupEntry): string {
  if (b.unusable === 'newer') return `schema ${b.schemaVersion}: cannot be restored (from a newer version of the app)`;
  if (b.unusable === 'damaged') return b.schemaVersion === null ? 'not SQLite: cannot be restored (damaged)' : 'cannot be restored (damaged)';
  return `schema ${b.schemaVersion}`;
}

export const backupsVerb: Verb = {
  name: 'backups',
  summary:
    'List the automatic and manual backups of a workspace, newest first: they are kept in the folder "<workspace name> backups" beside the workspace file.',
  options: {
    db: { type: 'string', value: 'FILE', required: true, help: 'the workspace (not opened: only its backups folder is read)' },
    json: { type: 'boolean', help: 'print the list as JSON, for scripts' },
  },
  async run({ values }, cli) {
    const path = values.db as string;
    refusePostgres(path, 'backups', 'It has no backups folder: its backups are kept by IT on the server (pg_dump, or their own backup), and they can list them. For a copy of your own, use export-bundle --db <the same> --out FILE.json.');
    if (!existsSync(path)) throw new DomainError('db.missing', `No workspace file at ${path}. Check the path.`, 'db');
    const list = listBackups(path);
    if (values.json) {
      cli.io.stdout(JSON.stringify(list, null, 2) + '\n');
      return 0;
    }
    const folder = backupsFolder(path);
    if (list.length === 0) {
      cli.say(`No backups of ${path} yet (they will be kept in ${folder}).`);
      return 0;
    }
    cli.say(`Backups of ${path}, newest first, in ${folder}:`);
    const rows = list.map((b) => [b.name, formatMoment(b.takenAt), b.reason, formatBytes(b.bytes), state(b)]);
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const r of rows) cli.say('  ' + r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  '));
    cli.say(`Restore one with: restore --db ${path} --from "NAME"`);
    return 0;
  },
};
