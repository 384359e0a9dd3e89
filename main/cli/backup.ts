import { openDatabase } from '../db/connection';
import { backupDatabase } from '../workspace/backup';
import { formatBytes } from './format';
import { warnAboutLocation } from './location-warnings';
import type { Verb } from './verb';

export const backupVerb: Verb = {
  name: 'backup',
  summary:
    'Copy a workspace with SQLite online backup (safe while the app is open). The copy is checked before it replaces --out; the workspace itself is never overwritten.',
  options: {
    db: { type: 'string', value: 'FILE', required: true, help: 'the workspace to back up (opened read-only)' },
    out: { type: 'string', value: 'FILE', required: true, help: 'the backup file (replaced if it exists)' },
  },
  async run({ values }, cli) {
    const db = openDatabase(values.db as string, { create: false, readonly: true });
    warnAboutLocation(db, cli);
    try {
      const result = await backupDatabase(db, values.out as string);
      cli.say(`Backed up ${values.db as string} to ${values.out as string} (${formatBytes(result.bytes)}, schema version ${result.schemaVersion}); the copy opens and passes its quick check.`);
      return 0;
    } finally {
      db.close();
    }
  },
};
