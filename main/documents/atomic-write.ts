import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
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
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, data, { flush: true });
    renameSync(temp, target);
  } catch (err) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // The folder itself is missing or a file: there is no temporary file to remove.
    }
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
      throw new DomainError(
        'file.locked',
        `${basename(target)} could not be written: it is open in another program (such as Word or Excel) or the folder is read-only. Close it and try again.`,
        'out',
      );
    }
    if (code === 'ENOSPC' || code === 'EDQUOT') {
      throw new DomainError('file.diskFull', `${basename(target)} could not be written: the disk is full. Free some space and try again; any earlier ${basename(target)} is unchanged.`, 'out');
    }
    if (code === 'EISDIR') {
      throw new DomainError('file.isFolder', `${target} is a folder; add a file name such as Export${extension} to the path.`, 'out');
    }
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EEXIST') {
      throw new DomainError('file.badPath', `${dir} is not a folder you can write to.`, 'out');
    }
    throw err;
  }
}
