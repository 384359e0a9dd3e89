import { openDatabase } from '../db/connection';
import { backupDatabase } from '../workspace/backup';
import { formatBytes } from './format';
import { warnAboutLocation } from './location-warnings';
import type { Verb } from './verb';

export const backupVerb: Verb = {
  name: 'backup',
  summary:
    'Copy a workspace with SQLite online backup (safe while the app is open). The copy must pass the full integrity check before it replaces --out; the workspace itself is never overwritten, and a workspace from a newer version is refused. (The app keeps its own backups: see backups and restore.)',
  options: {
    db: { type: 'string', value: 'FILE', required: true, help: 'the workspace to back up (opened read-only)' },
    out: { type: 'string', value: 'FILE', required: true, help: 'the backup file (replaced if it exists)' },
  },
  async run({ values }, cli) {
    const db = openDatabase(values.db as string, { create: false, readonly: true });
    warnAboutLocation(db, cli);
    try {
      const result = await backupDatabase(db, values.out as string);
      cli.say(`Backed up ${values.db as string} to ${values.out as string} (${formatBytes(result.bytes)}, schema version ${result.schemaVersion}); the copy opens and passes its integrity check.`);
      return 0;
    } finally {
      db.close();
    }
  },
};
