import { shell, type Session, type WebContents } from 'electron';
import { isAppUrl } from './app-url';
import { describeLinkForLog, externalLinkDecision } from './external-links';

/** The session grants no permission (camera, notifications, geolocation, clipboard read …) to anyone. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * The window stays on app://bundle/: navigation elsewhere is cancelled, new windows are refused,
 * and a link the user clicks (a link in a paper: same-window or a new window, middle-click or
 * Shift+click) goes to the allow-list in external-links.ts and, if allowed, to the system
 * browser or mail client. <webview> is refused.
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

/** The one place the app calls shell.openExternal. */
function openExternally(url: string): void {
  const decision = externalLinkDecision(url);
  if (!decision.open) {
    console.warn(`Refused to open ${describeLinkForLog(url)} outside the app: ${decision.reason}.`);
    return;
  }
  shell.openExternal(decision.url).catch((err: unknown) => console.error(`Could not open ${describeLinkForLog(decision.url)} outside the app`, err));
}
