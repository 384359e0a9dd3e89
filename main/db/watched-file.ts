import { accessSync, constants, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { DomainError } from '../shared/errors';

/**
 * The workspace file is watched: its device and inode are recorded when it is opened, and
 * compared before every write. A connection keeps writing to the file it opened even after
 * that file was deleted, moved, or replaced by another program (a backup copied over it by
 * Explorer is a new file with a new inode), so without this check those writes would answer
 * ok and be lost, or land in the wrong file. SQLite's own backup API writes into the open
 * file (same inode), so a restore done through it is not a replacement.
 */
export interface FileIdentity {
  dev: number;
  ino: number;
}

export function identityOf(path: string): FileIdentity | undefined {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat ? { dev: stat.dev, ino: stat.ino } : undefined;
}

export type FileChange = 'missing' | 'replaced';

/** One stat of the path: has the file opened as `opened` gone, or been swapped for another? */
export function fileChange(path: string, opened: FileIdentity): FileChange | null {
  const now = identityOf(path);
  if (!now) return 'missing';
  return now.dev === opened.dev && now.ino === opened.ino ? null : 'replaced';
}

/** The refusal for a write to a file that changed underneath: says what happened and what to do. */
export function changedFileError(path: string, change: FileChange): DomainError {
  if (change === 'missing') {
    return new DomainError(
      'workspace.missing',
      `The workspace file ${path} was deleted or moved by another program since it was opened; nothing was saved. ` +
        'Put the file back (or restore it from a backup), then reopen the workspace.',
    );
  }
  return new DomainError(
    'workspace.replaced',
    `The workspace file ${path} was replaced by another program since it was opened; nothing was saved. Reopen the workspace to see the file as it is now.`,
  );
}

export interface Access {
  readOnly: boolean;
  /** Why, in words, when read-only. */
  reason?: string;
}

const WRITE_BITS = 0o222;

/** 'marked' when no one may write it, 'denied' when this user may not, null when writable. */
function writeBlock(path: string, mode: number): 'marked' | 'denied' | null {
  // Mode bits as well as access(): the superuser passes access(W_OK) whatever the mode, and
  // SQLite running as root would then write to a file the owner marked read-only. A file with
  // no write bit for anyone is read-only by intent (on Windows, Node reports the read-only
  // attribute exactly this way: mode 0o444), so it is treated as read-only for everyone.
  if ((mode & WRITE_BITS) === 0) return 'marked';
  try {
    accessSync(path, constants.W_OK);
    return null;
  } catch {
    return 'denied';
  }
}

/**
 * Whether the app may write to the workspace at `path`: the file itself, and its folder
 * (SQLite creates the -wal and -shm files beside the workspace, and removes them on close).
 */
export function accessOf(path: string): Access {
  const file = statSync(path, { throwIfNoEntry: false });
  const folder = dirname(path);
  const dir = statSync(folder, { throwIfNoEntry: false });
  const canRead = 'You can read and export';
  const fileBlock = file ? writeBlock(path, file.mode) : null;
  if (fileBlock) {
    const why = fileBlock === 'marked' ? `the file ${basename(path)} is marked read-only` : `you do not have permission to change the file ${basename(path)}`;
    return {
      readOnly: true,
      reason: `This workspace is read-only: ${why}. ${canRead}; to make changes, clear the file's read-only setting (Properties in Explorer) or ask its owner for write access, then reopen the workspace.`,
    };
  }
  if (dir && writeBlock(folder, dir.mode)) {
    return {
      readOnly: true,
      reason: `This workspace is read-only: the folder ${folder} cannot be written to. ${canRead}; to make changes, copy the workspace to a folder you can write to (such as Documents) and open it there, or ask for write access to the folder.`,
    };
  }
  return { readOnly: false };
}
