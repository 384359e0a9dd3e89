import type { Database as Db } from 'better-sqlite3';
import { resolve } from 'node:path';

/**
 * The workspaces this process has open, so that writing a document can refuse to replace
 * one of them (or its -wal, -shm or -journal file) whichever road the export came by: IPC,
 * the HTTP bridge or the command line. openDatabase adds every handle it opens; a handle
 * that has since been closed is forgotten the next time the list is read.
 */
const handles = new Map<Db, string>();

export function registerOpenWorkspace(db: Db): void {
  // Resolved now: the name is as it was given, and the working folder may change later.
  if (!db.memory) handles.set(db, resolve(db.name));
}

/** The absolute file names of the workspaces open now. */
export function openWorkspacePaths(): string[] {
  const paths: string[] = [];
  for (const [db, path] of handles) {
    if (db.open) paths.push(path);
    else handles.delete(db);
  }
  return paths;
}
