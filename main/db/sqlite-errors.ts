import BetterSqlite3 from 'better-sqlite3';
import { DomainError } from '../shared/errors';

const { SqliteError } = BetterSqlite3;
export type SqliteErrorInstance = InstanceType<typeof SqliteError>;

export function isSqliteError(err: unknown): err is SqliteErrorInstance {
  return err instanceof SqliteError;
}

/** Where a restore starts from, for the messages that send the user to a backup. */
export function restoreAdvice(path: string, newestBackup?: string): string {
  // The app cannot open a damaged file, so Settings → Backups cannot be reached: the command
  // line's restore puts the backup in place (and keeps the damaged file beside the backups).
  const command = `npm run cli -- restore --db "${path}" --from ${newestBackup ? `"${newestBackup}"` : 'BACKUP'}`;
  return newestBackup
    ? `The newest good backup is ${newestBackup}; restore it with ${command} (the damaged file is kept in the backups folder).`
    : `Restore the newest backup from the backups folder beside the workspace with ${command} (list them with npm run cli -- backups --db "${path}").`;
}

export function corruptError(path: string, detail: string, newestBackup?: string): DomainError {
  return new DomainError('db.corrupt', `The workspace ${path} is damaged (${detail}); nothing was written to it. ${restoreAdvice(path, newestBackup)}`, 'db');
}

/**
 * SQLite's failures of the file itself, in words that say what happened and what to do:
 * disk full, read-only, an I/O error, a damaged file, another program holding the lock.
 * Constraint failures are the dispatcher's (they concern a record, not the file). Returns
 * undefined for any other code, which stays an internal error (logged, never shown raw).
 */
export function describeFileError(err: SqliteErrorInstance, path?: string): DomainError | undefined {
  const code = err.code;
  const file = path ? `the workspace ${path}` : 'the workspace';
  const File = file[0]!.toUpperCase() + file.slice(1);
  if (code === 'SQLITE_FULL') {
    return new DomainError(
      'workspace.diskFull',
      `The disk holding ${file} is full; nothing was saved. Free some space on it (empty the Recycle Bin, move large files elsewhere), then try again.`,
    );
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new DomainError(
      'workspace.readOnly',
      `${File} could not be written: the file or its folder is read-only, or was made read-only since it was opened (${code}); nothing was saved. ` +
        'Make the file and its folder writable, then reopen the workspace.',
    );
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new DomainError(
      'workspace.ioError',
      `The computer could not read or write ${file} (a disk or connection error, ${code}); the change was not saved. ` +
        'Check that the drive is still connected and working, then reopen the workspace and try again. If it keeps happening, copy the workspace to another disk.',
    );
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return corruptError(path ?? 'the workspace', err.message);
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new DomainError(
      'busy',
      `The workspace is busy: another window or program is writing to ${file}. Nothing was changed. Try again in a moment; if it stays busy, close the other program (or the app's other window).`,
    );
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new DomainError(
      'workspace.cantOpen',
      `${File} could not be opened (${code}). Check that the file and its folder still exist and that you may read them.`,
    );
  }
  return undefined;
}

/** A Node file-system error met while opening (errno codes), in words. */
export function describeOpenSystemError(err: NodeJS.ErrnoException, path: string): DomainError | undefined {
  switch (err.code) {
    case 'ENOENT':
      return new DomainError('db.missing', `The folder for the workspace ${path} does not exist and could not be created. Check the path, or choose another folder.`, 'db');
    case 'EACCES':
    case 'EPERM':
      return new DomainError('workspace.noAccess', `You do not have permission to open the workspace ${path} or its folder. Ask the folder's owner for access, or copy the workspace somewhere you can write.`, 'db');
    case 'EROFS':
      return new DomainError('workspace.readOnly', `The workspace ${path} is on a read-only disk. Copy it to a folder on this laptop to work on it.`, 'db');
    case 'ENOSPC':
      return new DomainError('workspace.diskFull', `The disk holding the workspace ${path} is full. Free some space on it, then open the app again.`, 'db');
    default:
      return undefined;
  }
}

/**
 * Why a workspace could not be opened, for the Electron error box and the CLI: a refusal
 * says so itself; SQLite and file-system errors are put in words; anything else is named
 * plainly (never raw SQL or a stack trace).
 */
export function openFailureMessage(err: unknown, path: string): string {
  if (err instanceof DomainError) return err.message;
  if (isSqliteError(err)) {
    const described = describeFileError(err, path);
    if (described) return described.message;
  }
  const errno = err as NodeJS.ErrnoException;
  if (err instanceof Error && typeof errno.code === 'string') {
    const described = describeOpenSystemError(errno, path);
    if (described) return described.message;
  }
  return `The workspace file ${path} could not be opened because of an unexpected problem; the file has not been changed. Restart the app; if it happens again, tell the administrator (the details are in the log).`;
}
