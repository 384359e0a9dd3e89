import Database from 'better-sqlite3';
import type { z } from 'zod';
import { describePostgresError, isConnectionLost, isPostgresError } from '../db/postgres-errors';
import { describeFileError } from '../db/sqlite-errors';
import { makeCtx, type Ctx } from '../shared/context';
import { DomainError, type ApiErrorShape } from '../shared/errors';
import { workspaceInfo } from '../workspace/service';
import type { MoveResult, OpenResult, ReopenResult } from '../workspace/contract';
import { moveWorkspace } from '../workspace/move';
import { writeNotingOwn } from '../workspace/own-writes';
import { parsePostgresTarget } from '../db/postgres-store';
import { plural } from '../shared/plural';
import { screenMustSend, type OpDef } from './define';
import { checkVersion, type VersionedTable } from '../db/versions';
import { contract, isOperation, type Envelope, type OpName } from './contract';
import { handlers } from './handlers';
import {
  closedError,
  hasPassword,
  openAnotherWorkspace,
  PASSWORD_FILE,
  reopenWorkspace,
  withoutPassword,
  type Session,
  type SessionOperation,
} from './session';
import { issueMessage } from './issue-messages';
import { refusalOf, refuseEarly } from './write-rights';

export type { Session };

/** Turns zod issues into one message that names each field. */
export function validationError(error: z.ZodError): ApiErrorShape {
  const issues = error.issues;
  const first = issues[0];
  const field = first && first.path.length > 0 ? first.path.map(String).join('.') : undefined;
  const messages = issues.slice(0, 5).map((i) => {
    const path = i.path.map(String).join('.');
    if (i.code === 'unrecognized_keys') return `Unknown field${i.keys.length > 1 ? 's' : ''}: ${i.keys.join(', ')}`;
    if (/^[A-Z]/.test(i.message)) return i.message;
    return path ? `${path}: ${i.message}` : `The input ${i.message}`;
  });
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
  const shape: ApiErrorShape = { code: 'validation', message: messages.join('; ') + more };
  if (field !== undefined) shape.field = field;
  return shape;
}

const { SqliteError } = Database;
type SqliteError = InstanceType<typeof SqliteError>;

const CONSTRAINT_FIELD = /constraint failed: \w+\.(\w+)/;

/**
 * Constraint failures that slipped past the services, and failures of the file itself (disk
 * full, read-only, I/O, damaged, busy: main/db/sqlite-errors.ts), in words the user can act on.
 */
function sqliteError(err: SqliteError, path: string): ApiErrorShape {
  if (err.code === 'SQLITE_CONSTRAINT_UNIQUE' || err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const col = CONSTRAINT_FIELD.exec(err.message)?.[1];
    return { code: 'conflict', message: `Another record already has this ${col ? col.replace(/_/g, ' ') : 'value'}.`, ...(col ? { field: col } : {}) };
  }
  if (err.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return { code: 'conflict', message: 'This refers to a record that does not exist, or is still referred to by other records.' };
  }
  if (err.code === 'SQLITE_CONSTRAINT_CHECK' || err.code === 'SQLITE_CONSTRAINT_NOTNULL') {
    return { code: 'validation', message: `A value is outside what is allowed (${err.message.replace(/^.*failed: /, '')}).` };
  }
  const described = describeFileError(err, path);
  if (described) return described.toShape();
  return { code: 'internal', message: 'The workspace could not complete this request. Nothing was changed.' };
}

export function toErrorShape(err: unknown, log?: Session['log'], path = 'the workspace file'): ApiErrorShape {
  if (err instanceof DomainError) {
    if (err.cause !== undefined) log?.(err.code, err.cause);
    return err.toShape();
  }
  if (isPostgresError(err) || isConnectionLost(err)) {
    const described = describePostgresError(err, path);
    const shape: ApiErrorShape =
      described instanceof DomainError ? described.toShape() : (described ?? { code: 'internal', message: 'The workspace could not complete this request. Nothing was changed.' });
    if (shape.code !== 'conflict' && shape.code !== 'validation') log?.('PostgreSQL error', err);
    return shape;
  }
  if (err instanceof SqliteError) {
    const shape = sqliteError(err, path);
    // Every file failure is logged too: the code and SQLite's own words help the administrator.
    if (shape.code !== 'conflict' && shape.code !== 'validation') log?.('SQLite error', err);
    return shape;
  }
  log?.('Unexpected error', err);
  return { code: 'internal', message: 'Something went wrong and nothing was changed. If it happens again, note what you did and tell the administrator.' };
}

/** Served here rather than by a handler: they replace the session's connection. */
const sessionHandlers: Record<SessionOperation, (session: Session, input: never) => Promise<unknown>> = {
  'workspace.reopen': async (session) => {
    const kept = await reopenWorkspace(session);
    const info = await workspaceInfo({ ...makeCtx(session.store, session.actor, session.now), operation: 'workspace.reopen' });
    const result: ReopenResult = {
      ...info,
      keptAs: kept?.name ?? null,
      message: kept ? `Reopened ${info.path}. The workspace as this app had it is kept as backup ${kept.name}.` : `Reopened ${info.path}.`,
    };
    return result;
  },
  'workspace.open': async (session, { target, password }: { target: string; password?: string }) => {
    const { rememberError, passwordNote } = await openAnotherWorkspace(session, target, password);
    const info = await workspaceInfo({ ...makeCtx(session.store, session.actor, session.now), operation: 'workspace.open' });
    const opened = rememberError
      ? `Opened ${info.path}, but it could not be remembered (${rememberError}): the app will open the previous workspace when it next starts.`
      : `Opened ${info.path}.`;
    const result: OpenResult = { ...info, message: passwordNote ? `${opened} ${passwordNote}` : opened };
    return result;
  },
  // Copies the workspace into an empty PostgreSQL database (verified row for row before it is
  // committed: main/workspace/move.ts), then opens the copy the way workspace.open does, so
  // the app works on the server's copy from then on and the file stops being written. The
  // move has happened once the copy is committed: failing to open it afterwards is said in
  // the answer, not returned as an error (which would read as "nothing was moved").
  'workspace.moveTo': async (session, { target, password }: { target: string; password?: string }) => {
    if (!session.store.isOpen()) throw closedError(session);
    const report = await moveWorkspace(session.store, target, {
      actor: session.actor,
      now: session.now ?? (() => new Date()),
      operation: 'workspace.moveTo',
      ...(password !== undefined ? { password } : {}),
    });
    const moved =
      `Moved the workspace to ${report.target}: ${plural(report.rows, 'row')} from ${plural(report.tables, 'table')}, ` +
      `checked row for row against the workspace before it was kept.`;
    const fileLeft = `${report.from} is left as it was, but it is no longer the workspace: the team's copy is on the server.`;
    const notOpened = (why: string) => {
      const to = withoutPassword(target);
      const t = parsePostgresTarget(target);
      const result: MoveResult = {
        target: report.target,
        rows: report.rows,
        verified: true,
        opened: false,
        message:
          `${moved} ${why}, so this app stays on the file ${report.from} until you open the server's copy: put its password in your PostgreSQL password file ` +
          `(${PASSWORD_FILE}) as the line ${t.host}:${t.port}:${t.database}:${t.user}:<password>, then choose Open another workspace and open ${to}. ${fileLeft}`,
      };
      return result;
    };
    // An address with a password is not remembered (workspace.open refuses it), so it is not opened either.
    if (hasPassword(target)) return notOpened('The address has a password in it, which the app does not keep');
    let rememberError: string | null;
    let passwordNote: string | null;
    try {
      ({ rememberError, passwordNote } = await openAnotherWorkspace(session, target, password));
    } catch (err) {
      return notOpened(`It could not be opened afterwards (${toErrorShape(err, session.log, report.target).message})`);
    }
    const result: MoveResult = {
      target: report.target,
      rows: report.rows,
      verified: true,
      opened: true,
      message:
        `${moved} The app now has it open and works on it from now on` +
        (rememberError ? `, but it could not be remembered (${rememberError}): when the app next starts, open ${report.target} again. ` : '. ') +
        (passwordNote ? `${passwordNote} ` : '') +
        fileLeft,
    };
    return result;
  },
};

/**
 * An edit that says which version of the record it was read at is checked against the record
 * inside its transaction before the handler runs (main/db/versions.ts); the handler itself
 * never sees `version`.
 */
function versionCheck(def: OpDef, data: unknown): { input: unknown; check?: { table: VersionedTable; id: number; version: number } } {
  if (!def.versions || typeof data !== 'object' || data === null || !('version' in data)) return { input: data };
  const { version, ...input } = data as Record<string, unknown>;
  const id = input[def.versions.idField];
  if (typeof version !== 'number' || typeof id !== 'number') return { input };
  return { input, check: { table: def.versions.table, id, version } };
}

const isSessionOperation = (name: OpName): name is SessionOperation => Object.prototype.hasOwnProperty.call(sessionHandlers, name);

/**
 * Who is calling: a screen (the Electron IPC channel, the loopback HTTP bridge's /api/) must
 * send what it read with every write (`version`, `was`…: READ_AT_FIELDS in define.ts), and a
 * write without it is refused naming the field. A script (the CLI, benches, tests calling
 * dispatch) may leave it out, and then the last write wins.
 */
export type Caller = 'screen' | 'script';

/**
 * The single entry point behind IPC, the HTTP bridge and the CLI: checks the operation
 * exists, validates input against its schema, runs the handler, and returns an envelope.
 * A write runs in one transaction with its audit rows (store.write): on SQLite after checking
 * the file is still the one opened and may be written, BEGIN IMMEDIATE, so the write lock is
 * taken at the start and a busy workspace is met before any work, never half-way through;
 * on PostgreSQL one transaction on one connection. A screen's write that leaves out what it
 * read is refused before any of that (Caller). It never throws.
 */
export async function dispatch(session: Session, name: unknown, rawInput: unknown, caller: Caller = 'script'): Promise<Envelope<unknown>> {
  if (!isOperation(name)) {
    return { ok: false, error: { code: 'unknownOperation', message: `There is no operation called ${JSON.stringify(name)}.` } };
  }
  const def = contract[name];
  // Before the schema: a screen's write without what it read is refused whatever else it holds.
  const unsent = caller === 'screen' ? screenMustSend(def, rawInput) : null;
  if (unsent) return { ok: false, error: unsent };
  const parsed = def.input.safeParse(rawInput ?? {}, { error: issueMessage });
  if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
  const store = session.store;
  const path = store.location;
  try {
    if (isSessionOperation(name)) return { ok: true, value: await sessionHandlers[name](session, parsed.data as never) };
    if (!store.isOpen()) throw closedError(session);
    const ctx: Ctx = { ...makeCtx(store, session.actor, session.now), operation: name };
    const handler = handlers[name] as (ctx: Ctx, input: unknown) => unknown;
    if (def.kind === 'write') {
      // Team roles (main/api/write-rights.ts): refused before the work when the role is known to lack the right; the database's grants refuse it anyway.
      await refuseEarly(store, name);
      const { input, check } = versionCheck(def, parsed.data);
      // As store.write, noting the audit rows it wrote as this app's own for workspace.changes.
      const value = await writeNotingOwn(store, ctx, async (inside) => {
        if (check) await checkVersion(inside, check.table, check.id, check.version, input as Record<string, unknown>);
        return handler(inside, input);
      });
      return { ok: true, value };
    }
    return { ok: true, value: await handler(ctx, parsed.data) };
  } catch (err) {
    const error = toErrorShape(err, session.log, path);
    // The database refused a write (SQLSTATE 42501): say who is connected and which role the operation needs.
    const refused = error.code === 'db.permission' && def.kind === 'write' && !isSessionOperation(name) ? await refusalOf(store, name) : undefined;
    return { ok: false, error: refused ? refused.toShape() : error };
  }
}
