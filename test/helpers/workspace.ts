import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Database } from 'better-sqlite3';
import { dispatch, type Session } from '../../main/api/dispatch';
import type { Envelope, InputOf, OpName, ResultOf } from '../../main/api/contract';
import { openDatabase } from '../../main/db/connection';
import type { ApiErrorShape } from '../../main/shared/errors';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'board-secretariat-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface TestWorkspace {
  dir: string;
  path: string;
  db: Database;
  session: Session;
  /** Calls an operation through the real dispatcher; resolves to the envelope. */
  raw<K extends OpName>(name: K, input?: InputOf<K> | unknown): Promise<Envelope<ResultOf<K>>>;
  /** Calls an operation and returns its value, failing the test on an error envelope. */
  call<K extends OpName>(name: K, input?: InputOf<K>): Promise<ResultOf<K>>;
  /** Calls an operation that must fail, returning its error. */
  fails<K extends OpName>(name: K, input?: unknown): Promise<ApiErrorShape>;
}

/** A fresh workspace file in a temp folder, opened and migrated like the app does. */
export function tempWorkspace(opts: { now?: () => Date } = {}): TestWorkspace {
  const dir = tempDir();
  const path = join(dir, 'workspace.db');
  const db = openDatabase(path);
  cleanups.push(() => session.db.open && session.db.close());
  const session: Session = { db, actor: 'test', now: opts.now ?? (() => new Date('2020-03-02T10:00:00')), log: () => {} };
  const raw = (name: OpName, input?: unknown) => dispatch(session, name, input);
  return {
    dir,
    path,
    // workspace.reopen replaces the session's connection: always hand out the current one.
    get db() {
      return session.db;
    },
    session,
    raw: raw as TestWorkspace['raw'],
    async call(name, input) {
      const env = await raw(name, input);
      if (!env.ok) throw new Error(`${name} failed: ${env.error.code}: ${env.error.message}`);
      return env.value as never;
    },
    async fails(name, input) {
      const env = await raw(name, input);
      if (env.ok) throw new Error(`${name} was expected to fail but returned ${JSON.stringify(env.value).slice(0, 200)}`);
      return env.error;
    },
  };
}
