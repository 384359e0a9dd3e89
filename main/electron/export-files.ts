import { app, ipcMain, shell, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { Session } from '../api/dispatch';
import { JsonFolderMemory, desktopFiles } from '../api/file-exports';
import { FILES_OPEN_CHANNEL, FILES_SAVE_CHANNEL, FILES_SHOW_CHANNEL } from './api-channel';
import { electronFileSaver } from './dialogs';
import { FORBIDDEN, isTrustedSender } from './ipc';

/**
 * window.files over IPC: the page asks for an export by operation and suggested name, main
 * shows the Save dialog and writes (main/api/file-exports.ts does all but the Electron calls),
 * and Open / Show in folder take back the token main gave for the file. Every call's sender
 * is checked exactly as window.api's are.
 */
export function registerFileChannels(session: Session, workspacePath: string, window: () => BrowserWindow | null): void {
  const files = desktopFiles({
    session,
    workspacePath,
    defaultFolder: app.getPath('documents'),
    saver: electronFileSaver(window),
    shell: { openPath: (path) => shell.openPath(path), showItemInFolder: (path) => shell.showItemInFolder(path) },
    memory: new JsonFolderMemory(join(app.getPath('userData'), 'export-folders.json')),
  });
  const guarded =
    <A extends unknown[]>(channel: string, run: (...args: A) => Promise<unknown>) =>
    (event: Electron.IpcMainInvokeEvent, ...args: A) => {
      if (!isTrustedSender(event)) {
        console.warn(`Refused ${channel} from ${event.senderFrame?.url ?? 'a closed frame'}`);
        return FORBIDDEN;
      }
      return run(...args);
    };
  ipcMain.handle(FILES_SAVE_CHANNEL, guarded(FILES_SAVE_CHANNEL, (op: unknown, input: unknown, name: unknown) => files.saveExport(op, input, name)));
  ipcMain.handle(FILES_OPEN_CHANNEL, guarded(FILES_OPEN_CHANNEL, (token: unknown) => files.openExported(token)));
  ipcMain.handle(FILES_SHOW_CHANNEL, guarded(FILES_SHOW_CHANNEL, (token: unknown) => files.showExported(token)));
}
