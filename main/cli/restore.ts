import { makeCtx } from '../shared/context';
import { openWorkspace } from '../workspace/backups';
import { resolveBackup, restoreBackup } from '../workspace/backups-restore';
import { formatBytes } from './format';
import type { Verb } from './verb';

export const restoreVerb: Verb = {
  name: 'restore',
  summary:
    'Put a backup back into a workspace. The backup is checked first (SQLite, a Board Secretariat workspace, not from a newer version, full integrity check) and the workspace as it is now is backed up (reason before-restore) before anything changes. Safe while the app has the workspace open: it sees the restored records at once.',
  options: {
    db: { type: 'string', value: 'FILE', required: true, help: 'the workspace to restore into' },
    from: { type: 'string', value: 'BACKUP', required: true, help: 'a name the backups command lists, or the path of a backup file' },
  },
  async run({ values }, cli) {
    const path = values.db as string;
    const from = values.from as string;
    const db = openWorkspace(path, { create: false });
    try {
      const source = resolveBackup(path, from, true);
      const result = await restoreBackup({ ...makeCtx(db, cli.actor, cli.now), operation: 'cli.restore' }, source, from);
      cli.say(`The workspace as it was is saved first as ${result.savedFirst.name} (${formatBytes(result.savedFirst.bytes)}).`);
      cli.say(`Restored ${path} from ${from} (schema version ${result.restored.schemaVersion}${result.schemaVersion !== result.restored.schemaVersion ? `, brought up to ${result.schemaVersion}` : ''}); it passes its checks.`);
      return 0;
    } finally {
      db.close();
    }
  },
};
