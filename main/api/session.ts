import { existsSync, renameSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDatabase, openedWorkspace, settleChangedFile } from '../db/connection';
import { parseKeyValue } from '../db/postgres-store';
import { sqliteStore } from '../db/sqlite-store';
import { isPostgresTarget, type Store } from '../db/store';
import { changedFileError, fileChange } from '../db/watched-file';
import { DomainError } from '../shared/errors';
import { backupBeforeReopen, type BackupEntry } from '../workspace/backups';
import { openStore } from '../workspace/open-store';
import type { PasswordVault } from '../workspace/password-vault';

/**
 * What the dispatcher serves: the open workspace, who is acting, the clock, the log. One
 * session is shared by everything that calls the API in a process (the Electron IPC channel
 * and notifications, the browser bridge, a CLI command). `store` is replaced by
 * workspace.reopen, workspace.open and workspace.moveTo, so read `session.store` at each use and never keep it.
 */
export interface Session {
  store: Store;
  actor: string;
  now?: () => Date;
  /** Where diagnostics go (stack traces never reach the UI). */
  log?: (message: string, err: unknown) => void;
  /**
   * Called with the target of a workspace opened by workspace.open (or moved to by workspace.moveTo), so the next start opens it
   * again (the desktop app writes it to userData/workspace-location.json). Absent where the
   * workspace comes from the command line (the CLI, serve, tests): nothing is remembered there.
   */
  remember?: (target: string) => void;
  /**
   * Where the PostgreSQL passwords typed into workspace.open are kept (main/workspace/password-vault.ts:
   * Windows' DPAPI in the desktop app). Absent, a password is used for this opening only, and
   * the password file (pgpass) is the only place one is found.
   */
  vault?: PasswordVault;
}

/** Operations on the session rather than on the workspace's records: the dispatcher serves them. */
export type SessionOperation = 'workspace.reopen' | 'workspace.open' | 'workspace.moveTo';

/** Whether a PostgreSQL target (a URL or libpq's key=value pairs) carries a password. */
export function hasPassword(target: string): boolean {
  if (!isPostgresTarget(target)) return false;
  if (/^postgres(ql)?:\/\//i.test(target)) {
    try {
      return new URL(target).password !== '';
    } catch {
      return false; // openStore says what is wrong with the URL (without echoing a password).
    }
  }
  return parseKeyValue(target).has('password');
}

/** The target as given, less its password: the address to open once the password is in the password file. */
export function withoutPassword(target: string): string {
  if (/^postgres(ql)?:\/\//i.test(target)) {
    const url = new URL(target);
    url.password = '';
    return url.toString();
  }
  return target.replace(/\s*\bpassword\s*=\s*('(?:[^'\\]|\\.)*'|\S*)/gi, '').trim();
}

/** Where the PostgreSQL password file is, in the words every message about it uses. */
export const PASSWORD_FILE = '%APPDATA%\\postgresql\\pgpass.conf on Windows, ~/.pgpass elsewhere';

/** A target with a password in it: remembered, it would lie in a plain file; the password field (or a password file) is the place for it. */
function refusePassword(target: string): void {
  if (hasPassword(target)) {
    throw new DomainError(
      'workspace.passwordInTarget',
      `Leave the password out of the address: type it in the Password field (the app keeps it encrypted: with Windows' DPAPI in the desktop app, in a key-protected file beside the settings in the browser), or put it in your PostgreSQL password file (${PASSWORD_FILE}), which the app reads.`,
      'target',
    );
  }
}

/** The password to open a PostgreSQL target with: the one typed, else the one the vault kept, else none (pg then reads pgpass). */
function passwordFor(session: Session, target: string, typed: string | undefined): { password: string | undefined; kept: boolean } {
  if (typed !== undefined) return { password: typed, kept: false };
  const kept = isPostgresTarget(target) ? session.vault?.load(target) : undefined;
  return { password: kept, kept: kept !== undefined };
}

/**
 * Keeps a password typed into workspace.open in the vault, once it has opened the workspace;
 * returns what to tell the user (null when there was nothing to keep).
 */
function keepPassword(session: Session, target: string, typed: string | undefined): string | null {
  if (typed === undefined || !isPostgresTarget(target)) return null;
  if (!session.vault) return 'The password was used to open it and not kept: put it in your PostgreSQL password file to open it again without typing it.';
  try {
    session.vault.save(target, typed);
    return `The password is kept encrypted with ${session.vault.kind}.`;
  } catch (err) {
    session.log?.(`Could not keep the password for ${target}`, err);
    return `The password was not kept (${err instanceof Error ? err.message : String(err)}).`;
  }
}

/**
 * The store's password refusals (db.pgAuth: wrong or missing) advise the command line's
 * remedies, a password in the connection or PGPASSWORD; in Open another workspace the address
 * may not hold one (refusePassword) and a desktop user has no environment to set, so there the
 * advice is the Password field, and the field marked is that one. Null for anything else
 * (a user that does not exist is db.pgAuth too, and keeps its message and the address box).
 */
function passwordAdvice(err: unknown): { said: string; todo: string; cause: unknown } | null {
  if (!(err instanceof DomainError) || err.code !== 'db.pgAuth') return null;
  const cause = err.cause as { code?: string; message?: string } | undefined;
  const wrong = cause?.code === '28P01';
  const missing = !wrong && /client password must be a string/i.test(cause?.message ?? '');
  if (!wrong && !missing) return null;
  // The first sentence says what happened (who, which server); the rest was the command line's advice.
  const said = err.message.split(/(?<=\.) /)[0]!;
  return {
    said,
    todo: wrong
      ? 'Type the password in the Password field and open it again, or ask the database administrator to reset it.'
      : `Type the password in the Password field, or put it in your PostgreSQL password file (${PASSWORD_FILE}).`,
    cause: err.cause,
  };
}

/**
 * Opens another workspace in place of the session's (the Settings page's "Open another
 * workspace…"): a SQLite file that already exists, or a PostgreSQL database that already holds
 * a workspace (an empty one is refused with the advice to initialise it; nothing is created
 * here). The new one is opened first and the old one closed only once that has succeeded, so
 * a refusal (a server that cannot be reached, a wrong password, a missing file) leaves the
 * old workspace open and answering; there is never a fallback to another workspace. Returns
 * the remembered target (a file's absolute path; a PostgreSQL address as given, without a
 * password), and whether remembering it failed.
 */
export async function openAnotherWorkspace(
  session: Session,
  given: string,
  typedPassword?: string,
): Promise<{ target: string; rememberError: string | null; passwordNote: string | null }> {
  refusePassword(given);
  // A file has no password: one typed with it is not used, nor kept (keepPassword).
  const target = isPostgresTarget(given) ? given : resolve(given);
  const { password, kept } = passwordFor(session, target, typedPassword);
  let opened: Store;
  try {
    opened = await openStore(target, { create: false, verify: 'later', ...(password !== undefined ? { password } : {}) });
  } catch (err) {
    const advice = passwordAdvice(err);
    if (kept && advice) {
      // The password kept was changed on the server since: forgotten, so the next try asks for it.
      session.vault?.forget(target);
      throw Object.assign(new DomainError('db.pgAuth', `${advice.said} The password the app kept for it was refused, and has been forgotten: type the new one in the Password field.`, 'password'), { cause: advice.cause });
    }
    if (advice) throw Object.assign(new DomainError('db.pgAuth', `${advice.said} ${advice.todo}`, 'password'), { cause: advice.cause });
    // The store's refusals name the command line's --db; here the address is this operation's target.
    if (err instanceof DomainError && err.field === 'db') throw Object.assign(new DomainError(err.code, err.message, 'target', err.problems), { cause: err.cause });
    throw err;
  }
  const passwordNote = keepPassword(session, target, typedPassword);
  const old = session.store;
  session.store = opened;
  if (old.isOpen()) {
    await old.close().catch((err: unknown) => session.log?.(`Could not close the previous workspace ${old.location}`, err));
  }
  let rememberError: string | null = null;
  try {
    session.remember?.(target);
  } catch (err) {
    session.log?.(`Could not remember the workspace ${opened.location}`, err);
    rememberError = err instanceof Error ? err.message : String(err);
  }
  return { target, rememberError, passwordNote };
}

/**
 * Closes the session's workspace and opens the same path again, the way it was first opened,
 * to see the file as it is now (after another program replaced it, or it was put back). The
 * old connection is closed first: its -wal and -shm files have the same names as the new
 * file's, and two connections to two different files sharing them would mix the two. If the
 * file cannot be opened, the session stays closed and says so until a reopen succeeds.
 *
 * When the file was replaced, the records the app had live only in the old handle, so they
 * are kept first as a before-reopen backup; if that backup cannot be made the old handle is
 * not closed and the reopen is refused (backupBeforeReopen's message says why). Returns that
 * backup (null when the file was not replaced: then the path still holds those records).
 */
export async function reopenWorkspace(session: Session): Promise<BackupEntry | null> {
  const db = session.store.sqlite;
  if (!db) {
    throw new DomainError(
      'workspace.cannotReopen',
      `This workspace is on a PostgreSQL server (${session.store.location}), not a file, so there is nothing to reopen: it is read afresh at every request.`,
    );
  }
  const ws = openedWorkspace(db);
  if (!ws || ws.path === ':memory:') {
    throw new DomainError('workspace.cannotReopen', 'This workspace is not a file on disk, so there is nothing to reopen.');
  }
  if (!existsSync(ws.path)) throw changedFileError(ws.path, 'missing');
  const replaced = ws.identity !== undefined && fileChange(ws.path, ws.identity) !== null;
  const settled = !replaced || settleChangedFile(db);
  const keptAs = replaced && db.open ? backupBeforeReopen(db, ws.path, (session.now ?? (() => new Date()))()) : null;
  if (db.open) await session.store.close();
  // SQLite leaves the old file's -wal and -shm behind when the file was replaced (it will not
  // delete the log of a file that has moved). Emptied, they are harmless to the new file; not
  // emptied, they hold the old file's pages, so they are put aside rather than read into it.
  if (replaced && !settled) putAsideLog(ws.path);
  session.store = sqliteStore(openDatabase(ws.path, { ...ws.options, create: false }));
  return keptAs;
}

function putAsideLog(path: string): void {
  const wal = statSync(`${path}-wal`, { throwIfNoEntry: false });
  if (!wal || wal.size === 0) return;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, `${path}${suffix}.of-replaced-file-${stamp}`);
  }
}

/** The refusal for any call while the workspace is closed (a reopen failed). */
export function closedError(session: Session): DomainError {
  const path = session.store.location;
  return new DomainError(
    'workspace.closed',
    `The workspace ${path} is closed: reopening it failed. Put the file right (or restore it from a backup), then choose Reopen again.`,
  );
}
