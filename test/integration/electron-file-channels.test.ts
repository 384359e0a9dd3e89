import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir, tempWorkspace } from '../helpers/workspace';

/**
 * The three window.files channels as main registers them, against a recording stand-in of
 * the `electron` module (no Electron binary exists here): each checks its sender exactly as
 * window.api's channel does, the Save dialog's answer is written through the dispatcher, and
 * Open / Show in folder reach shell with the path main wrote.
 */
const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  userData: '',
  documents: '',
  shellCalls: [] as string[],
  dialogAnswer: null as string | null,
}));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => electron.handlers.set(channel, fn),
    removeHandler: (channel: string) => electron.handlers.delete(channel),
  },
  app: { isPackaged: true, getPath: (name: string) => (name === 'userData' ? electron.userData : electron.documents) },
  dialog: { showSaveDialog: () => Promise.resolve(electron.dialogAnswer === null ? { canceled: true } : { canceled: false, filePath: electron.dialogAnswer }) },
  shell: {
    openPath: async (path: string) => (electron.shellCalls.push(`open ${path}`), await Promise.resolve('')),
    showItemInFolder: (path: string) => electron.shellCalls.push(`show ${path}`),
  },
}));

const { registerFileChannels } = await import('../../main/electron/export-files');
const { FILES_OPEN_CHANNEL, FILES_SAVE_CHANNEL, FILES_SHOW_CHANNEL, IPC_CHANNELS } = await import('../../main/electron/api-channel');

const ours = { senderFrame: { url: 'app://bundle/index.html' } };
const theirs = { senderFrame: { url: 'https://evil.example/' } };

beforeEach(() => {
  electron.handlers.clear();
  electron.shellCalls.length = 0;
});

describe('window.files over IPC', () => {
  it('registers its three channels, all listed in IPC_CHANNELS', async () => {
    const ws = await tempWorkspace();
    electron.userData = tempDir();
    registerFileChannels(ws.session, ws.path, () => null);
    expect([...electron.handlers.keys()].sort()).toEqual([FILES_OPEN_CHANNEL, FILES_SAVE_CHANNEL, FILES_SHOW_CHANNEL].sort());
    for (const channel of electron.handlers.keys()) expect(IPC_CHANNELS).toContain(channel);
  });

  it('refuses every call from a page that is not ours, before any dialog', async () => {
    const ws = await tempWorkspace();
    electron.userData = tempDir();
    electron.dialogAnswer = join(ws.dir, 'never.docx');
    registerFileChannels(ws.session, ws.path, () => null);
    const forbidden = { ok: false, error: { code: 'forbidden' } };
    expect(await electron.handlers.get(FILES_SAVE_CHANNEL)!(theirs, 'action.exportLog', { format: 'docx' }, 'x.docx')).toMatchObject(forbidden);
    expect(await electron.handlers.get(FILES_OPEN_CHANNEL)!(theirs, 'token')).toMatchObject(forbidden);
    expect(await electron.handlers.get(FILES_SHOW_CHANNEL)!({ senderFrame: null }, 'token')).toMatchObject(forbidden);
    expect(existsSync(join(ws.dir, 'never.docx'))).toBe(false);
    expect(electron.shellCalls).toEqual([]);
  });

  it('saves where the dialog says, remembers the folder in userData, and opens by token', async () => {
    const ws = await tempWorkspace();
    electron.userData = tempDir();
    electron.documents = join(ws.dir, 'Documents');
    mkdirSync(electron.documents);
    const target = join(ws.dir, 'Action log.docx');
    electron.dialogAnswer = target;
    registerFileChannels(ws.session, ws.path, () => null);
    const saved = (await electron.handlers.get(FILES_SAVE_CHANNEL)!(ours, 'action.exportLog', { format: 'docx' }, 'Action log.docx')) as { ok: true; value: { token: string; folder: string } };
    expect(saved).toMatchObject({ ok: true, value: { name: 'Action log.docx', folder: ws.dir } });
    expect(existsSync(target)).toBe(true);
    expect(existsSync(join(electron.userData, 'export-folders.json'))).toBe(true);
    expect(await electron.handlers.get(FILES_OPEN_CHANNEL)!(ours, saved.value.token)).toEqual({ ok: true, value: null });
    expect(await electron.handlers.get(FILES_SHOW_CHANNEL)!(ours, saved.value.token)).toEqual({ ok: true, value: null });
    expect(await electron.handlers.get(FILES_OPEN_CHANNEL)!(ours, target)).toMatchObject({ ok: false, error: { code: 'files.unknownToken' } });
    expect(electron.shellCalls).toEqual([`open ${target}`, `show ${target}`]);

    electron.dialogAnswer = null;
    expect(await electron.handlers.get(FILES_SAVE_CHANNEL)!(ours, 'action.exportLog', { format: 'docx' }, 'Action log.docx')).toMatchObject({ ok: false, error: { code: 'export.cancelled' } });
  });
});
