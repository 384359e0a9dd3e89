import type { Database } from 'better-sqlite3';
import type { Ctx } from '../shared/context';
import { DomainError } from '../shared/errors';
import type { HandlersFor } from '../api/handler-types';
import type { workspaceContract } from './contract';
import { createBackup, listBackups } from './backups';
import { resolveBackup, restoreBackup } from './backups-restore';

/**
 * The workspace's file. A PostgreSQL workspace has none: its server is backed up by the
 * organisation's IT (pg_dump or the server's own backups), and the app says so.
 */
function fileOf(ctx: Ctx): Database {
  const db = ctx.store.sqlite;
  if (!db) {
    throw new DomainError(
      'backup.notFile',
      `This workspace is on a PostgreSQL server (${ctx.store.location}): the app keeps backups of workspace files only. The server's backups are IT's (pg_dump, or the server's own backup); to keep a copy yourself, export a bundle (Settings → Move, or npm run cli -- export-bundle).`,
    );
  }
  return db;
}

type BackupOps = Pick<typeof workspaceContract, 'backup.list' | 'backup.create' | 'backup.restore'>;

/**
 * The Settings → Backups page's operations. No audit row for a backup: it changes nothing
 * in the workspace. A restore replaces the audit trail with the backup's, so restoreBackup
 * records the restore in the restored file afterwards.
 */
export const backupHandlers: HandlersFor<BackupOps> = {
  'backup.list': (ctx) => listBackups(fileOf(ctx).name),
  'backup.create': (ctx) => createBackup(fileOf(ctx), 'manual', ctx.now()),
  'backup.restore': (ctx, { name }) => restoreBackup(ctx, resolveBackup(fileOf(ctx).name, name, false), name),
};
