import Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Ctx } from '../shared/context';
import { DomainError, type ApiErrorShape } from '../shared/errors';
import { contract, isOperation, type Envelope } from './contract';
import { handlers } from './handlers';
import { issueMessage } from './issue-messages';

export interface Session {
  db: Ctx['db'];
  actor: string;
  now?: () => Date;
  /** Where diagnostics go (stack traces never reach the UI). */
  log?: (message: string, err: unknown) => void;
}

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

/** Constraint failures that slipped past the services, in words the user can act on. */
function sqliteError(err: SqliteError): ApiErrorShape {
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
  if (err.code === 'SQLITE_BUSY') {
    return { code: 'busy', message: 'The workspace is busy (another window or program is writing to it). Try again in a moment.' };
  }
  return { code: 'internal', message: 'The workspace could not complete this request. Nothing was changed.' };
}

export function toErrorShape(err: unknown, log?: Session['log']): ApiErrorShape {
  if (err instanceof DomainError) return err.toShape();
  if (err instanceof SqliteError) {
    const shape = sqliteError(err);
    if (shape.code === 'internal') log?.('SQLite error', err);
    return shape;
  }
  log?.('Unexpected error', err);
  return { code: 'internal', message: 'Something went wrong and nothing was changed. If it happens again, note what you did and tell the administrator.' };
}

/**
 * The single entry point behind IPC, the HTTP bridge and the CLI: checks the operation
 * exists, validates input against its schema, runs the handler (writes in one
 * transaction), and returns an envelope. It never throws.
 */
export async function dispatch(session: Session, name: unknown, rawInput: unknown): Promise<Envelope<unknown>> {
  if (!isOperation(name)) {
    return { ok: false, error: { code: 'unknownOperation', message: `There is no operation called ${JSON.stringify(name)}.` } };
  }
  const def = contract[name];
  const parsed = def.input.safeParse(rawInput ?? {}, { error: issueMessage });
  if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
  const ctx: Ctx = { db: session.db, actor: session.actor, operation: name, now: session.now ?? (() => new Date()) };
  const handler = handlers[name] as (ctx: Ctx, input: unknown) => unknown;
  try {
    if (def.kind === 'write') {
      const value = session.db.transaction(() => {
        const result = handler(ctx, parsed.data);
        if (result instanceof Promise) throw new Error(`Write operation ${name} must be synchronous`);
        return result;
      })();
      return { ok: true, value };
    }
    return { ok: true, value: await handler(ctx, parsed.data) };
  } catch (err) {
    return { ok: false, error: toErrorShape(err, session.log) };
  }
}
