/**
 * The one origin the app's own pages come from. Everything that decides "is this ours?"
 * (the protocol handler, navigation, the IPC sender check) asks this file, so they agree.
 * No 'electron' import here: it is plain logic, tested under Node.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * True for app://bundle/<anything>. Parsed rather than prefix-matched alone, so that
 * look-alikes such as app://bundle.evil/ or app://user@bundle/ are refused.
 */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url || !url.startsWith(`${APP_ORIGIN}/`)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}
