import type { Database } from 'better-sqlite3';
import { statSync } from 'node:fs';
import { sqliteStore } from '../db/sqlite-store';
import { makeCtx } from '../shared/context';
import { DomainError } from '../shared/errors';
import { backupsFolder, openWorkspace } from '../workspace/backups';
import { resolveBackup, restoreBackup, restoreOverDamaged } from '../workspace/backups-restore';
import { isDamagedWorkspace } from '../workspace/rescue';
import { formatBytes } from './format';
import type { Verb } from './verb';
import { refusePostgres } from './workspace-file';

export const restoreVerb: Verb = {
  name: 'restore',
  summary:
    'Put a backup back into a workspace. The backup is checked first (SQLite, a Board Secretariat workspace, not from a newer version, full integrity check) and the workspace as it is now is backed up (reason before-restore) before anything changes. Safe while the app has the workspace open: it sees the restored records at once. A workspace too damaged to open (or left empty) is kept in the backups folder and replaced.',
  options: {
    db: { type: 'string', value: 'FILE', required: true, help: 'the workspace to restore into' },
    from: { type: 'string', value: 'BACKUP', required: true, help: 'a name the backups command lists, or the path of a backup file' },
  },
  async run({ values }, cli) {
    const path = values.db as string;
    const from = values.from as string;
    refusePostgres(
      path,
      'restore',
      'It is restored on the server, by IT, from their backup (pg_restore of their pg_dump). A bundle written by export-bundle goes into a new, empty database with import --db <url> FILE.json.',
    );
    let db: Database;
    try {
      // An empty file is never opened: opening would make it a new, empty workspace.
      if (statSync(path, { throwIfNoEntry: false })?.size === 0) throw new DomainError('db.empty', 'it is empty: zero bytes');
      db = openWorkspace(path, { create: false });
    } catch (err) {
      // A workspace that is damaged or empty: restore is its way back, so it is replaced (after a copy is kept).
      if (!isDamagedWorkspace(err, path)) throw err;
      const source = resolveBackup(path, from, true);
      const result = await restoreOverDamaged(path, source, from, cli.actor, cli.now());
      // The open's own message ends with advice to run this very command: only its reason is said.
      const why = err instanceof DomainError && err.code === 'db.corrupt' ? 'it is damaged' : (err as Error).message.replace(/\.$/, '');
      cli.say(`${path} could not be opened (${why}). The damaged file is kept as ${result.savedFirst} in ${backupsFolder(path)}.`);
      cli.say(`Restored ${path} from ${from} (schema version ${result.schemaVersion}); it passes its checks.`);
      return 0;
    }
    try {
      const source = resolveBackup(path, from, true);
      const result = await restoreBackup({ ...makeCtx(sqliteStore(db), cli.actor, cli.now), operation: 'cli.restore' }, source, from);
      cli.say(`The workspace as it was is saved first as ${result.savedFirst.name} (${formatBytes(result.savedFirst.bytes)}).`);
      cli.say(`Restored ${path} from ${from} (schema version ${result.restored.schemaVersion}${result.schemaVersion !== result.restored.schemaVersion ? `, brought up to ${result.schemaVersion}` : ''}); it passes its checks.`);
      return 0;
    } finally {
      db.close();
    }
  },
};
