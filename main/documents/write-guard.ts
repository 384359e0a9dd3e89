import { accessSync, constants, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { openWorkspacePaths } from '../db/open-workspaces';
import { isSqliteFile } from '../db/sqlite-file';
import { DomainError } from '../shared/errors';

/**
 * What a document write refuses before it touches the disk, whichever road the export came
 * by (IPC, the HTTP bridge, the command line): the workspace this process has open and the
 * files SQLite keeps beside it, any other SQLite database, a name without the format's
 * extension, a folder, a folder that does not exist (never created silently: a mistyped
 * folder would hide the document where nobody looks), and a read-only file or folder (the
 * rename would replace a read-only file without a word on Linux and macOS).
 */

const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

/** What a file of each extension is called in a message. */
const KIND: Record<string, string> = { '.docx': 'a Word document', '.xlsx': 'an Excel workbook', '.pdf': 'a PDF', '.json': 'a bundle' };

// Windows and macOS compare names without regard to case: WORKSPACE.DB is workspace.db there.
const caseless = process.platform === 'win32' || process.platform === 'darwin';
const sameName = (a: string, b: string) => (caseless ? a.toLowerCase() === b.toLowerCase() : a === b);

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** The path with symbolic links and ".." resolved, as far as it exists. */
function realPath(path: string): string {
  const abs = resolve(path);
  try {
    return realpathSync.native(abs);
  } catch {
    const parent = dirname(abs);
    return parent === abs ? abs : join(realPath(parent), basename(abs));
  }
}

/**
 * Read-only as the user means it. accessSync asks the system whether this process may
 * write; the mode bits say whether anyone may. Both are needed: an administrator (root) is
 * allowed to write anything, so accessSync alone would let the export replace a file its
 * owner marked read-only, and Windows reports its read-only attribute as a mode without
 * write bits. (This is also why the tests, which run as root, can see a read-only file.)
 */
function isReadOnly(path: string, stat: Stats): boolean {
  if ((stat.mode & 0o222) === 0 && !(stat.isDirectory() && process.platform === 'win32')) return true;
  try {
    accessSync(path, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

function refuseWorkspace(target: string, real: string, targetStat: Stats | undefined, extension: string): void {
  for (const workspace of openWorkspacePaths()) {
    const ws = realPath(workspace);
    const wsStat = targetStat && statOf(ws);
    const sameInode = targetStat && wsStat && targetStat.dev === wsStat.dev && targetStat.ino === wsStat.ino;
    if (sameInode || sameName(real, ws)) {
      throw new DomainError(
        'file.isWorkspace',
        `${target} is a workspace file: the workspace open now. An export never overwrites it, and it has not been changed. Choose another name for the export, ending in ${extension}.`,
        'out',
      );
    }
    const side = SIDE_FILES.find((suffix) => sameName(real, ws + suffix));
    if (side) {
      throw new DomainError(
        'file.isWorkspace',
        `${target} is the ${side} file SQLite keeps beside the open workspace ${basename(ws)}; writing over it would damage the workspace, so nothing was written. Choose another name for the export, ending in ${extension}.`,
        'out',
      );
    }
  }
}

/** Throws a DomainError (field "out") naming the file and what to do, or returns when `target` may be written. */
export function refuseUnsafeTarget(target: string, extension: string): void {
  const real = realPath(target);
  const stat = statOf(real);
  refuseWorkspace(target, real, stat, extension);
  if (stat && isSqliteFile(real)) {
    throw new DomainError(
      'file.isWorkspace',
      `${target} is a workspace file (an SQLite database); an export never overwrites one, and it has not been changed. Choose another name for the export, ending in ${extension}.`,
      'out',
    );
  }
  if (stat?.isDirectory()) {
    throw new DomainError('file.isFolder', `${target} is a folder; add a file name such as Export${extension} to the path.`, 'out');
  }
  if (!target.trim().toLowerCase().endsWith(extension)) {
    throw new DomainError(
      'file.wrongExtension',
      `${basename(target)} does not end in ${extension}; ${KIND[extension] ?? 'this file'} must be named so (for example ${basename(target).replace(/\.[^.]*$/, '') || 'Export'}${extension}).`,
      'out',
    );
  }
  const dir = dirname(real);
  const dirStat = statOf(dir);
  if (!dirStat) {
    throw new DomainError('file.noFolder', `The folder ${dirname(resolve(target))} does not exist, so ${basename(target)} was not written (and no folder was created). Choose a folder that exists, or create it first.`, 'out');
  }
  if (!dirStat.isDirectory()) {
    throw new DomainError('file.noFolder', `${dirname(resolve(target))} is a file, not a folder, so ${basename(target)} cannot be written inside it. Choose a folder.`, 'out');
  }
  if (stat && isReadOnly(real, stat)) {
    throw new DomainError('file.readOnly', `${target} is read-only, so it was not replaced. Choose another name, or make the file writable first.`, 'out');
  }
  if (isReadOnly(dir, dirStat)) {
    throw new DomainError('file.readOnly', `The folder ${dirname(resolve(target))} is read-only, so ${basename(target)} cannot be written there. Choose another folder.`, 'out');
  }
}
