import { createHash } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../main/documents/atomic-write';
import { openDatabase } from '../../main/db/connection';
import { openWorkspacePaths } from '../../main/db/open-workspaces';
import { DomainError } from '../../main/shared/errors';
import { tempDir } from '../helpers/workspace';

/** The DomainError writeFileAtomic threw (the test fails if it wrote). */
function refusal(target: string, extension: string, data: Buffer | string = 'the export'): DomainError {
  try {
    writeFileAtomic(target, data, extension);
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error(`${target} was written`);
}

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('writeFileAtomic refuses what would lose data, naming the file and what to do', () => {
  it('the open workspace, even named like a document, by a path with .. in it, or through a symbolic link', () => {
    const dir = tempDir();
    const path = join(dir, 'Board.docx'); // a workspace may be given any name
    const db = openDatabase(path);
    try {
      const before = hash(path);
      for (const target of [path, join(dir, 'sub', '..', 'Board.docx')]) {
        const err = refusal(target, '.docx');
        expect(err).toMatchObject({ code: 'file.isWorkspace', field: 'out' });
        expect(err.message).toBe(`${target} is a workspace file: the workspace open now. An export never overwrites it, and it has not been changed. Choose another name for the export, ending in .docx.`);
      }
      symlinkSync(path, join(dir, 'alias.docx'));
      expect(refusal(join(dir, 'alias.docx'), '.docx').code).toBe('file.isWorkspace');
      linkSync(path, join(dir, 'hard link.docx'));
      expect(refusal(join(dir, 'hard link.docx'), '.docx').message).toContain('the workspace open now');
      expect(hash(path)).toBe(before);
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });

  it("the open workspace's -wal, -shm and -journal files, whether or not they exist now", () => {
    const dir = tempDir();
    const path = join(dir, 'workspace.db');
    const db = openDatabase(path);
    try {
      expect(existsSync(`${path}-wal`)).toBe(true);
      const wal = hash(`${path}-wal`);
      for (const side of ['-wal', '-shm', '-journal']) {
        const err = refusal(path + side, '.docx');
        expect(err).toMatchObject({ code: 'file.isWorkspace', field: 'out' });
        expect(err.message).toContain(`is the ${side} file SQLite keeps beside the open workspace workspace.db; writing over it would damage the workspace`);
      }
      expect(hash(`${path}-wal`)).toBe(wal);
      expect(existsSync(`${path}-journal`)).toBe(false); // a stray journal would be "rolled back" into the workspace
    } finally {
      db.close();
    }
    // A closed workspace is forgotten: the registry holds only open handles.
    expect(openWorkspacePaths()).not.toContain(path);
  });

  it('any other SQLite file, whatever it is called and whether or not it is open', () => {
    const dir = tempDir();
    const other = join(dir, 'Decisions log.xlsx');
    const foreign = new Database(other);
    foreign.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    foreign.close();
    const before = hash(other);
    const err = refusal(other, '.xlsx');
    expect(err).toMatchObject({ code: 'file.isWorkspace', field: 'out' });
    expect(err.message).toBe(`${other} is a workspace file (an SQLite database); an export never overwrites one, and it has not been changed. Choose another name for the export, ending in .xlsx.`);
    expect(hash(other)).toBe(before);
  });

  it('a name without the format’s extension, and writes nothing', () => {
    const dir = tempDir();
    const err = refusal(join(dir, 'Minutes.pdf'), '.docx');
    expect(err).toMatchObject({ code: 'file.wrongExtension', field: 'out', message: 'Minutes.pdf does not end in .docx; a Word document must be named so (for example Minutes.docx).' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a folder', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'Board papers.docx'));
    expect(refusal(join(dir, 'Board papers.docx'), '.docx')).toMatchObject({ code: 'file.isFolder', field: 'out' });
    expect(readdirSync(dir)).toEqual(['Board papers.docx']);
  });

  it('a folder that does not exist, and does not create it', () => {
    const dir = tempDir();
    const err = refusal(join(dir, 'Boadr papers', '2020', 'Minutes.docx'), '.docx');
    expect(err).toMatchObject({ code: 'file.noFolder', field: 'out' });
    expect(err.message).toBe(`The folder ${join(dir, 'Boadr papers', '2020')} does not exist, so Minutes.docx was not written (and no folder was created). Choose a folder that exists, or create it first.`);
    expect(readdirSync(dir)).toEqual([]);
  });

  // The tests run as root, which may write to any file whatever its permissions; the guard
  // therefore also reads the mode bits (no write bit for anyone is read-only, which is also
  // how Windows reports its read-only attribute), and these tests clear them.
  it('a read-only file, which is left as it was', () => {
    const dir = tempDir();
    const target = join(dir, 'Agenda.docx');
    writeFileSync(target, 'the issued agenda');
    chmodSync(target, 0o444);
    const err = refusal(target, '.docx');
    expect(err).toMatchObject({ code: 'file.readOnly', field: 'out', message: `${target} is read-only, so it was not replaced. Choose another name, or make the file writable first.` });
    expect(readFileSync(target, 'utf8')).toBe('the issued agenda');
    expect(statSync(target).mode & 0o777).toBe(0o444);
    expect(readdirSync(dir)).toEqual(['Agenda.docx']);
  });

  it('a read-only folder', () => {
    const dir = tempDir();
    const folder = join(dir, 'Issued');
    mkdirSync(folder);
    chmodSync(folder, 0o555);
    try {
      const err = refusal(join(folder, 'Agenda.docx'), '.docx');
      expect(err).toMatchObject({ code: 'file.readOnly', field: 'out', message: `The folder ${folder} is read-only, so Agenda.docx cannot be written there. Choose another folder.` });
      expect(readdirSync(folder)).toEqual([]);
    } finally {
      chmodSync(folder, 0o755);
    }
  });

  it('writes a new file and replaces an ordinary one, leaving no temporary file', () => {
    const dir = tempDir();
    const target = join(dir, 'Minutes.docx');
    writeFileAtomic(target, 'first', '.docx');
    writeFileAtomic(target, 'second', '.DOCX');
    expect(readFileSync(target, 'utf8')).toBe('second');
    expect(readdirSync(dir)).toEqual(['Minutes.docx']);
  });
});
