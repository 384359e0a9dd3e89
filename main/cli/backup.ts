import { openDatabase } from '../db/connection';
import { backupDatabase } from '../workspace/backup';
import { backupsFolder, createBackup } from '../workspace/backups';
import { formatBytes } from './format';
import { refusePostgres } from './workspace-file';
import { warnAboutLocation } from './location-warnings';
import type { Verb } from './verb';

export const backupVerb: Verb = {
  name: 'backup',
  summary:
    'Copy a workspace with SQLite online backup (safe while the app is open). Without --out the copy is a manual backup in the backups folder beside the workspace (listed by backups, never deleted by retention). The copy must pass the full integrity check before it is kept; a backup never replaces an existing file, and a workspace from a newer version is refused.',
  options: {
    db: { type: 'string', value: 'FILE', required: true, help: 'the workspace to back up (opened read-only)' },
    out: { type: 'string', value: 'FILE', help: 'a new file to write the backup to (refused if it exists); without it, a manual backup in the backups folder' },
  },
  async run({ values }, cli) {
    refusePostgres(
      values.db as string,
      'backup',
      'Its backups are the server\'s: ask IT to include the database in theirs (pg_dump, or their own backup). For a copy of your own, use export-bundle --db <the same> --out FILE.json.',
    );
    const db = openDatabase(values.db as string, { create: false, readonly: true });
    warnAboutLocation(db, cli);
    try {
      const out = values.out as string | undefined;
      const result = out === undefined ? await createBackup(db, 'manual', cli.now()) : await backupDatabase(db, out);
      const where = out ?? `${result.path} (a manual backup in ${backupsFolder(db.name)}, listed by backups)`;
      cli.say(`Backed up ${values.db as string} to ${where} (${formatBytes(result.bytes)}, schema version ${result.schemaVersion}); the copy opens and passes its integrity check.`);
      return 0;
    } finally {
      db.close();
    }
  },
};
