import { shell, type Session, type WebContents } from 'electron';
import { isAppUrl, isExternalLink } from './app-url';

/** The session grants no permission (camera, notifications, geolocation, clipboard read …) to anyone. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * The window stays on app://bundle/: navigation elsewhere is cancelled, new windows are refused,
 * and an https link the user clicks opens in the system browser instead. <webview> is refused.
 */
export function confineToApp(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openExternally(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function openExternally(url: string): void {
  if (!isExternalLink(url)) return;
  shell.openExternal(url).catch((err: unknown) => console.error(`Could not open ${url} in the browser`, err));
}
