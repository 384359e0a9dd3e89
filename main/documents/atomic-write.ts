import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DomainError } from '../shared/errors';
import { refuseUnsafeTarget } from './write-guard';

/**
 * Writes a document so that it is either the old file or the whole new one, never half:
 * write a temporary sibling, flush, then rename over the target. Every export reaches the
 * disk through here, so the guard against writing over the workspace (write-guard.ts)
 * holds for IPC, the HTTP bridge and the command line alike. `extension` is the format's
 * (".docx"): a target not ending in it is refused. A target that another program holds
 * open (Word on Windows locks its documents) gets a message that says so.
 */
export function writeFileAtomic(target: string, data: Buffer | string, extension: string): void {
  refuseUnsafeTarget(target, extension.toLowerCase());
  const temp = tempSibling(target);
  try {
    writeFileSync(temp, data, { flush: true });
    renameSync(temp, target);
  } catch (err) {
    removeTemp(temp);
    throw fileError(err, target, extension);
  }
}

/**
 * The same guarantee for a document written as a stream (a large workbook): `write` fills
 * the temporary sibling it is given, which is then flushed to disk and renamed over the
 * target. Refused before anything is written where writeFileAtomic refuses; if `write`
 * fails, the temporary file is removed and the target is as it was.
 */
export async function writeStreamAtomic(target: string, extension: string, write: (temp: string) => Promise<void>): Promise<void> {
  refuseUnsafeTarget(target, extension.toLowerCase());
  const temp = tempSibling(target);
  try {
    await write(temp);
    const fd = openSync(temp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (err) {
    removeTemp(temp);
    throw fileError(err, target, extension);
  }
}

function tempSibling(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
}

function removeTemp(temp: string): void {
  try {
    rmSync(temp, { force: true });
  } catch {
    // The folder itself is missing or a file: there is no temporary file to remove.
  }
}

/** A failed write as the message the user sees (or the error itself when it is none of these). */
function fileError(err: unknown, target: string, extension: string): unknown {
  const dir = dirname(target);
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
    return new DomainError(
      'file.locked',
      `${basename(target)} could not be written: it is open in another program (such as Word or Excel) or the folder is read-only. Close it and try again.`,
      'out',
    );
  }
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new DomainError('file.diskFull', `${basename(target)} could not be written: the disk is full. Free some space and try again; any earlier ${basename(target)} is unchanged.`, 'out');
  }
  if (code === 'EISDIR') {
    return new DomainError('file.isFolder', `${target} is a folder; add a file name such as Export${extension} to the path.`, 'out');
  }
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EEXIST') {
    return new DomainError('file.badPath', `${dir} is not a folder you can write to.`, 'out');
  }
  return err;
}
