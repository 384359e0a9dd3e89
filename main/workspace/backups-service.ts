import type { HandlersFor } from '../api/handler-types';
import type { workspaceContract } from './contract';
import { createBackup, listBackups } from './backups';
import { resolveBackup, restoreBackup } from './backups-restore';

type BackupOps = Pick<typeof workspaceContract, 'backup.list' | 'backup.create' | 'backup.restore'>;

/**
 * The Settings → Backups page's operations. No audit row for a backup: it changes nothing
 * in the workspace. A restore replaces the audit trail with the backup's, so restoreBackup
 * records the restore in the restored file afterwards.
 */
export const backupHandlers: HandlersFor<BackupOps> = {
  'backup.list': (ctx) => listBackups(ctx.db.name),
  'backup.create': (ctx) => createBackup(ctx.db, 'manual', ctx.now()),
  'backup.restore': (ctx, { name }) => restoreBackup(ctx, resolveBackup(ctx.db.name, name, false), name),
};
