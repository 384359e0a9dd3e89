import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExportTokens, JsonFolderMemory, desktopFiles, type FileShell, type SaveDialogRequest } from '../../main/api/file-exports';
import { EXPORT_CANCELLED, checkExportRequest, fileFilter } from '../../main/api/files-api';
import { paragraphs, readDocx } from '../helpers/documents';
import { tempDir, tempWorkspace } from '../helpers/workspace';

/** A Save dialog that answers what the test says, and remembers what it was asked. */
function scriptedSaver(answers: (string | null)[]) {
  const asked: SaveDialogRequest[] = [];
  return {
    asked,
    chooseSavePath(request: SaveDialogRequest) {
      asked.push(request);
      return Promise.resolve(answers.shift() ?? null);
    },
  };
}

function recordingShell(openProblem = '') {
  const calls: string[] = [];
  const shell: FileShell = {
    openPath: (path) => {
      calls.push(`open ${path}`);
      return Promise.resolve(openProblem);
    },
    showItemInFolder: (path) => {
      calls.push(`show ${path}`);
    },
  };
  return { shell, calls };
}

describe('what the page may ask window.files to export', () => {
  it('accepts an export operation with its input and makes the suggested name safe', () => {
    const r = checkExportRequest('meeting.exportMinutes', { id: 3 }, 'Minutes — Strategic Board 16/06/2020.docx');
    expect(r).toEqual({ ok: true, value: { op: 'meeting.exportMinutes', input: { id: 3 }, name: 'Minutes — Strategic Board 16-06-2020.docx', extension: '.docx' } });
  });

  it('refuses an operation that is not marked exports: true, or that does not exist', () => {
    expect(checkExportRequest('person.create', { givenName: 'A', familyName: 'B' }, 'x.docx')).toMatchObject({ ok: false, error: { code: 'files.notExport' } });
    expect(checkExportRequest('workspace.backup', {}, 'x.db')).toMatchObject({ ok: false, error: { code: expect.stringMatching(/files.notExport|unknownOperation/) } });
    expect(checkExportRequest('meeting.nope', {}, 'x.docx')).toMatchObject({ ok: false, error: { code: 'unknownOperation' } });
  });

  it('refuses an input that names the file, even as undefined or empty', () => {
    for (const out of ['/tmp/x.docx', '', undefined]) {
      expect(checkExportRequest('meeting.exportMinutes', { id: 1, out }, 'x.docx')).toMatchObject({ ok: false, error: { code: 'files.outRefused', field: 'out' } });
    }
  });

  it('refuses an input that is not an object, and a name that is not text', () => {
    expect(checkExportRequest('meeting.exportMinutes', [1], 'x.docx')).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(checkExportRequest('meeting.exportMinutes', null, 'x.docx')).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(checkExportRequest('meeting.exportMinutes', { id: 1 }, 42)).toMatchObject({ ok: false, error: { code: 'validation', field: 'suggestedName' } });
  });

  it('filters the Save dialog by the suggested extension', () => {
    expect(fileFilter('.docx')).toEqual({ name: 'Word document', extensions: ['docx'] });
    expect(fileFilter('.xlsx')).toEqual({ name: 'Excel workbook', extensions: ['xlsx'] });
    expect(fileFilter('.odt')).toEqual({ name: 'ODT file', extensions: ['odt'] });
  });
});

describe('the folder last used, per workspace and export kind', () => {
  it('remembers each kind in each workspace apart, across instances (the JSON file)', () => {
    const dir = tempDir();
    const file = join(dir, 'userData', 'export-folders.json');
    const memory = new JsonFolderMemory(file);
    expect(memory.folderFor('/w/a.db', 'meeting.exportMinutes')).toBeNull();
    memory.remember('/w/a.db', 'meeting.exportMinutes', '/home/jo/Minutes');
    memory.remember('/w/a.db', 'funding.exportReturn', '/home/jo/Returns');
    memory.remember('/w/b.db', 'meeting.exportMinutes', '/home/jo/Other board');
    const again = new JsonFolderMemory(file);
    expect(again.folderFor('/w/a.db', 'meeting.exportMinutes')).toBe('/home/jo/Minutes');
    expect(again.folderFor('/w/a.db', 'funding.exportReturn')).toBe('/home/jo/Returns');
    expect(again.folderFor('/w/b.db', 'meeting.exportMinutes')).toBe('/home/jo/Other board');
    expect(again.folderFor('/w/b.db', 'funding.exportReturn')).toBeNull();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      '/w/a.db': { 'meeting.exportMinutes': '/home/jo/Minutes', 'funding.exportReturn': '/home/jo/Returns' },
      '/w/b.db': { 'meeting.exportMinutes': '/home/jo/Other board' },
    });
  });

  it('treats a damaged memory file as empty, and replaces it on the next export', () => {
    const dir = tempDir();
    const file = join(dir, 'export-folders.json');
    writeFileSync(file, '{ not json');
    const memory = new JsonFolderMemory(file);
    expect(memory.folderFor('/w/a.db', 'meeting.exportMinutes')).toBeNull();
    memory.remember('/w/a.db', 'meeting.exportMinutes', '/x');
    expect(memory.folderFor('/w/a.db', 'meeting.exportMinutes')).toBe('/x');
    writeFileSync(file, JSON.stringify({ '/w/a.db': { 'meeting.exportMinutes': 'relative/folder' } }));
    expect(memory.folderFor('/w/a.db', 'meeting.exportMinutes')).toBeNull();
  });
});

describe('tokens stand for files written', () => {
  it('maps each token back to its path and knows no other', () => {
    const tokens = new ExportTokens();
    const a = tokens.issue('/tmp/a.docx');
    const b = tokens.issue('/tmp/a.docx');
    expect(a).not.toBe(b);
    expect(tokens.pathOf(a)).toBe('/tmp/a.docx');
    expect(tokens.pathOf('/tmp/a.docx')).toBeNull();
    expect(tokens.pathOf('not-a-token')).toBeNull();
    expect(tokens.pathOf(42)).toBeNull();
    expect(new ExportTokens().pathOf(a)).toBeNull();
  });
});

describe('the desktop export: Save dialog, write, remember, Open and Show in folder', () => {
  it('starts in the last folder for the kind, writes there through the dispatcher, and opens by token', async () => {
    const ws = await tempWorkspace();
    const documents = join(ws.dir, 'Documents');
    const logs = join(ws.dir, 'Logs');
    mkdirSync(documents);
    mkdirSync(logs);
    const saver = scriptedSaver([join(logs, 'Action log.docx'), join(logs, 'Action log again'), null]);
    const { shell, calls } = recordingShell();
    const files = desktopFiles({ session: ws.session, workspacePath: ws.path, defaultFolder: documents, saver, shell, memory: new JsonFolderMemory(join(ws.dir, 'userData', 'export-folders.json')) });

    const first = await files.saveExport('action.exportLog', { format: 'docx' }, 'Action log.docx');
    expect(saver.asked[0]).toEqual({ title: 'Save Action log.docx', defaultPath: join(documents, 'Action log.docx'), filters: [{ name: 'Word document', extensions: ['docx'] }] });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value).toMatchObject({ name: 'Action log.docx', folder: logs, bytes: statSync(join(logs, 'Action log.docx')).size });
    expect(first.value.bytes).toBeGreaterThan(1000);
    expect(paragraphs((await readDocx(join(logs, 'Action log.docx'))).document).map((p) => p.text)).toContain('Action log');

    // The second time, the dialog starts where the first was saved; a name typed without the extension gets it.
    const second = await files.saveExport('action.exportLog', { format: 'docx' }, 'Action log.docx');
    expect(saver.asked[1]!.defaultPath).toBe(join(logs, 'Action log.docx'));
    expect(second).toMatchObject({ ok: true, value: { name: 'Action log again.docx', folder: logs } });

    // Cancelled: a distinct envelope, and nothing written.
    expect(await files.saveExport('action.exportLog', { format: 'docx' }, 'Action log.docx')).toMatchObject({ ok: false, error: { code: EXPORT_CANCELLED } });

    // Another kind still starts in the default folder.
    const other = scriptedSaver([null]);
    const files2 = desktopFiles({ session: ws.session, workspacePath: ws.path, defaultFolder: documents, saver: other, shell, memory: new JsonFolderMemory(join(ws.dir, 'userData', 'export-folders.json')) });
    await files2.saveExport('decision.exportLog', { format: 'xlsx' }, 'Decisions log.xlsx');
    expect(other.asked[0]!.defaultPath).toBe(join(documents, 'Decisions log.xlsx'));

    expect(await files.openExported(first.value.token)).toEqual({ ok: true, value: null });
    expect(await files.showExported(first.value.token)).toEqual({ ok: true, value: null });
    expect(calls).toEqual([`open ${join(logs, 'Action log.docx')}`, `show ${join(logs, 'Action log.docx')}`]);
    expect(await files.openExported('made-up')).toMatchObject({ ok: false, error: { code: 'files.unknownToken' } });
    expect(await files.showExported(join(logs, 'Action log.docx'))).toMatchObject({ ok: false, error: { code: 'files.unknownToken' } });
    expect(calls).toHaveLength(2);
  });

  it('does not replace a file the dialog never asked about: a name typed without the extension that then names an existing file', async () => {
    const ws = await tempWorkspace();
    writeFileSync(join(ws.dir, 'Action log.docx'), 'the log as it was');
    const saver = scriptedSaver([join(ws.dir, 'Action log')]);
    const { shell } = recordingShell();
    const files = desktopFiles({ session: ws.session, workspacePath: ws.path, defaultFolder: ws.dir, saver, shell, memory: new JsonFolderMemory(join(ws.dir, 'm.json')) });
    expect(await files.saveExport('action.exportLog', { format: 'docx' }, 'Action log.docx')).toMatchObject({ ok: false, error: { code: 'files.exists', field: 'out' } });
    expect(readFileSync(join(ws.dir, 'Action log.docx'), 'utf8')).toBe('the log as it was');
  });

  it('refuses a non-export operation or an input with out before the dialog is shown', async () => {
    const ws = await tempWorkspace();
    const saver = scriptedSaver([join(ws.dir, 'x.docx')]);
    const { shell } = recordingShell();
    const files = desktopFiles({ session: ws.session, workspacePath: ws.path, defaultFolder: ws.dir, saver, shell, memory: new JsonFolderMemory(join(ws.dir, 'm.json')) });
    expect(await files.saveExport('organisation.create', { name: 'Kent Police', kind: 'police' }, 'x.docx')).toMatchObject({ ok: false, error: { code: 'files.notExport' } });
    expect(await files.saveExport('action.exportLog', { format: 'docx', out: ws.path }, 'x.docx')).toMatchObject({ ok: false, error: { code: 'files.outRefused' } });
    expect(saver.asked).toHaveLength(0);
    expect(await ws.query('SELECT count(*) AS n FROM organisation')).toEqual([{ n: 0 }]);
  });

  it("says why Open failed, and passes the op's own refusal back unchanged", async () => {
    const ws = await tempWorkspace();
    const saver = scriptedSaver([join(ws.dir, 'log.docx'), join(ws.dir, 'log.docx')]);
    const { shell } = recordingShell('No application is associated with this file.');
    const files = desktopFiles({ session: ws.session, workspacePath: ws.path, defaultFolder: ws.dir, saver, shell, memory: new JsonFolderMemory(join(ws.dir, 'm.json')) });
    const saved = await files.saveExport('action.exportLog', { format: 'docx' }, 'log.docx');
    if (!saved.ok) throw new Error(saved.error.message);
    expect(await files.openExported(saved.value.token)).toEqual({ ok: false, error: { code: 'files.openFailed', message: 'log.docx could not be opened: No application is associated with this file.' } });
    // The op validates its own input: a bad format is its refusal, named by field.
    expect(await files.saveExport('action.exportLog', { format: 'pdf' }, 'log.docx')).toMatchObject({ ok: false, error: { code: 'validation', field: 'format' } });
  });
});
