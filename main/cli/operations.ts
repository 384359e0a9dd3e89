import type { Store } from '../db/store';
import type { OpName } from '../api/contract';
import { openStore } from '../workspace/open-store';
import { DomainError } from '../shared/errors';
import type { OptionSpec } from './args';
import { UsageError, type CliContext } from './io';
import { warnAboutLocation } from './location-warnings';

/**
 * How a command line export reaches the operations the app calls: open the workspace, call
 * through the same dispatcher (validation, handler, one transaction per write), close it.
 */

/** The options every export takes: the workspace to read, and the file to write. */
export const WORKSPACE_OPTION: OptionSpec = { type: 'string', value: 'FILE', required: true, help: 'the workspace: a .db file or a PostgreSQL database (postgres://user@host/db)' };

export function outOption(value = 'FILE', help = 'the file to write (replaced if it exists)'): OptionSpec {
  return { type: 'string', value, required: true, help };
}

/** --format of an export that writes Word or Excel. */
export function docxOrXlsx(format: string, usage: string): 'docx' | 'xlsx' {
  if (format !== 'docx' && format !== 'xlsx') throw new UsageError(`--format must be docx or xlsx, not "${format}"`, usage);
  return format;
}

export type CallOperation = <R = unknown>(name: OpName, input: unknown) => Promise<R>;

/**
 * Runs `body` with the workspace open; `call` turns an error envelope back into the
 * DomainError it was, so the command line reports it like any other.
 */
export async function withOperations<T>(cli: CliContext, dbPath: string, body: (call: CallOperation, store: Store) => Promise<T>): Promise<T> {
  // The handler map is loaded only when an export runs, so other commands start quickly.
  const { dispatch } = await import('../api/dispatch');
  const store = await openStore(dbPath, { create: false });
  warnAboutLocation(store, cli);
  const session = { store, actor: cli.actor, now: cli.now };
  try {
    const call: CallOperation = async <R>(name: OpName, input: unknown) => {
      const env = await dispatch(session, name, input);
      if (!env.ok) throw new DomainError(env.error.code, env.error.message, env.error.field, env.error.problems);
      return env.value as R;
    };
    return await body(call, session.store);
  } finally {
    await session.store.close();
  }
}

/**
 * One export operation that writes `out`. The path is checked where every export's is: by
 * its schema (the format's extension) and by the write itself (main/documents/write-guard.ts:
 * never the workspace, its -wal/-shm/-journal, another SQLite file, a missing or read-only folder).
 */
export function runExport<R>(cli: CliContext, dbPath: string, out: string, op: OpName, input: Record<string, unknown>): Promise<R> {
  return withOperations(cli, dbPath, (call) => call<R>(op, { ...input, out }));
}
