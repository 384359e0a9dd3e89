import BetterSqlite3 from 'better-sqlite3';
import { statSync } from 'node:fs';
import { DomainError } from '../shared/errors';
import { verifyBackupFileAsync } from './backup';
import { listBackups, type BackupEntry } from './backups';
import { restoreOverDamaged } from './backups-restore';

/**
 * The way back when the workspace will not open at all (damaged, or left empty by a sync
 * client or a full disk): the desktop app cannot reach Settings → Backups then, so it offers
 * the newest backup that passes the full check, and puts it in place with the same restore
 * the command line uses (the damaged file is kept in the backups folder). Plain: the Electron
 * shell only asks the question (main/electron/main.ts).
 */

/** True when opening failed because the file itself is damaged or empty (not, say, a newer version). */
export function isDamagedWorkspace(err: unknown, path: string): boolean {
  if (statSync(path, { throwIfNoEntry: false })?.size === 0) return true;
  if (err instanceof DomainError) return err.code === 'db.corrupt' || err.code === 'db.emptyFile';
  return err instanceof BetterSqlite3.SqliteError && (err.code.startsWith('SQLITE_CORRUPT') || err.code === 'SQLITE_NOTADB');
}

/** The newest backup that passes the full check (a damaged one is passed over), or null. */
export async function newestRestorableBackup(path: string): Promise<BackupEntry | null> {
  for (const backup of listBackups(path)) {
    try {
      await verifyBackupFileAsync(backup.path, backup.name);
      return backup;
    } catch {
      // Not restorable (damaged, empty, from a newer version): try the one before it.
    }
  }
  return null;
}

export interface RescueOffer {
  backup: BackupEntry;
}

/** What to offer for a workspace that failed to open with `err`: the backup to put back, or null. */
export async function rescueOffer(err: unknown, path: string): Promise<RescueOffer | null> {
  if (!isDamagedWorkspace(err, path)) return null;
  const backup = await newestRestorableBackup(path);
  return backup ? { backup } : null;
}

/** Puts the offered backup in place of the damaged workspace; the damaged file is kept beside the backups. */
export function rescue(path: string, offer: RescueOffer, actor: string, now: Date): Promise<{ savedFirst: string; schemaVersion: number }> {
  return restoreOverDamaged(path, offer.backup.path, offer.backup.name, actor, now);
}
