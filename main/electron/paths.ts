import { app } from 'electron';
import { join } from 'node:path';
import { LOCATION_FILE_NAME } from '../workspace/location-file';

/**
 * Where things are at run time. The main bundle is out/main/index.cjs, so its siblings are
 * out/preload/index.cjs and out/renderer/ — in development and inside the packaged app.asar alike.
 */
export const PRELOAD_FILE = join(__dirname, '..', 'preload', 'index.cjs');
export const RENDERER_ROOT = join(__dirname, '..', 'renderer');

/**
 * An environment variable that only a development or test run may use to redirect the app
 * (a temp database, a stubbed save dialog). A packaged app ignores them all, so nothing in a
 * user's environment can point the installed app at another file.
 */
export function devOverride(name: string): string | null {
  if (app.isPackaged) return null;
  const value = process.env[name];
  return value && value.trim() !== '' ? value : null;
}

export const ENV_DB = 'BOARD_SECRETARIAT_DB';
export const ENV_PROFILE = 'BOARD_SECRETARIAT_PROFILE';
export const ENV_TEST_SAVE_PATH = 'BOARD_SECRETARIAT_TEST_SAVE_PATH';

/** The local workspace file, userData/workspace.db: opened when nothing else is named or remembered. */
export function defaultDatabasePath(): string {
  return join(app.getPath('userData'), 'workspace.db');
}

/** The workspace file: userData/workspace.db, unless a development run names another. */
export function databasePath(): string {
  return devOverride(ENV_DB) ?? defaultDatabasePath();
}

/** Where the workspace chosen with Settings → Open another workspace… is remembered (main/workspace/location-file.ts). */
export function locationFilePath(): string {
  return join(app.getPath('userData'), LOCATION_FILE_NAME);
}

/**
 * A test may give each run its own profile folder (userData): Electron's single-instance lock
 * and Chromium's caches live there, so parallel test runs must not share one.
 * Must be called before the app is ready and before requestSingleInstanceLock.
 */
export function applyProfileOverride(): void {
  const profile = devOverride(ENV_PROFILE);
  if (profile) app.setPath('userData', profile);
}

/**
 * templates/ (paper templates, the return layout, house style) is data read at run time, so
 * finance can adjust it: shipped beside app.asar as resources/templates in the packaged app,
 * the repository's templates/ in development. Services find it through templatesDir().
 */
export function templatesRoot(): string {
  return app.isPackaged ? join(process.resourcesPath, 'templates') : join(app.getAppPath(), 'templates');
}
