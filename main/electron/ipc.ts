import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Envelope } from '../api/contract';
import { dispatch, type Session } from '../api/dispatch';
import { refusedOnApiChannel } from '../api/files-api';
import { API_CHANNEL } from './api-channel';
import { isAppUrl } from './app-url';

export const FORBIDDEN: Envelope<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This request did not come from a Board Secretariat page and was refused.' },
};

/** Only a frame currently showing one of our own app://bundle/ pages may call the API. */
export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && isAppUrl(frame.url);
}

/**
 * The one IPC channel: every window.api call arrives here as (name, input), is checked for its
 * sender, then goes to the same dispatcher as the CLI and the test bridge, which validates the
 * input and answers with an envelope; as a screen's call, so a write must carry what the page
 * read (`version`…: dispatch's Caller). Nothing is thrown across IPC (a thrown error would reach
 * the renderer as a bare message with main-process details). An export is refused here: the
 * page asks for one through window.files, and main chooses the file (main/electron/export-files.ts).
 */
export function registerApiChannel(session: Session): void {
  ipcMain.handle(API_CHANNEL, (event, name: unknown, input: unknown): Promise<Envelope<unknown>> | Envelope<never> => {
    if (!isTrustedSender(event)) {
      console.warn(`Refused an API call (${String(name)}) from ${event.senderFrame?.url ?? 'a closed frame'}`);
      return FORBIDDEN;
    }
    return refusedOnApiChannel(name) ?? dispatch(session, name, input, 'screen');
  });
}

export function unregisterApiChannel(): void {
  ipcMain.removeHandler(API_CHANNEL);
}
