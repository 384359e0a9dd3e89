import BetterSqlite3 from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import { packageRequire } from '../shared/package-require';

/** SQLite's two checks: `quick_check` (pages and structure, no index-to-table cross-check) and the full `integrity_check`. */
export type FileCheck = 'quick_check' | 'integrity_check';

/**
 * Runs PRAGMA quick_check or integrity_check on the file at `path` in a worker thread, opened
 * read-only (a reader beside the app's own connection: WAL lets it see the last commit while the
 * app goes on writing). On a ten-year workspace the full check takes about a second and the
 * quick one a third of that, which must not freeze the app. Resolves to SQLite's lines: ['ok']
 * when the file is sound; a file that cannot even be read gives its error as the one line.
 * Where no worker can load better-sqlite3, the check runs here instead.
 */
export function checkInWorker(path: string, check: FileCheck): Promise<string[]> {
  let moduleFile: string;
  try {
    moduleFile = packageRequire().resolve('better-sqlite3');
  } catch {
    return Promise.resolve(checkHere(path, check));
  }
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const Database = require(workerData.moduleFile);
    let problems;
    try {
      const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
      try { problems = db.pragma(workerData.check).map((r) => r[workerData.check]); } finally { db.close(); }
    } catch (err) { problems = [String(err && err.message)]; }
    parentPort.postMessage(problems);`;
  return new Promise((ok) => {
    let worker: Worker;
    try {
      worker = new Worker(code, { eval: true, workerData: { path, moduleFile, check } });
    } catch {
      ok(checkHere(path, check));
      return;
    }
    worker.once('message', (problems: string[]) => ok(problems));
    worker.once('error', () => ok(checkHere(path, check)));
  });
}

/** The same check on this thread, for a file already open here or where no worker can run. */
export function checkHere(path: string, check: FileCheck): string[] {
  try {
    const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    try {
      return checkProblems(db, check);
    } finally {
      db.close();
    }
  } catch (err) {
    return [(err as Error).message];
  }
}

/** SQLite's answer to the check on an open connection, as lines (['ok'] when sound). */
export function checkProblems(db: BetterSqlite3.Database, check: FileCheck): string[] {
  try {
    return (db.pragma(check) as Record<string, string>[]).map((r) => r[check]!);
  } catch (err) {
    return [(err as Error).message];
  }
}
