import { Menu, app, dialog, session as electronSession, type BrowserWindow } from 'electron';
import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname } from 'node:path';
import type { Session } from '../api/dispatch';
import { openedWorkspace } from '../db/connection';
import { sqliteStore } from '../db/sqlite-store';
import { isPostgresTarget, type Store } from '../db/store';
import { openStore } from '../workspace/open-store';
import { openFailureMessage } from '../db/sqlite-errors';
import { openWorkspace as openWithBackups } from '../workspace/backups';
import { readWorkspaceLocation, writeWorkspaceLocation } from '../workspace/location-file';
import { startDailyBackups, type DailyBackups } from '../workspace/backup-schedule';
import { rescue, rescueOffer, type RescueOffer } from '../workspace/rescue';
import { APP_ID, PRODUCT_NAME } from './identity';
import { registerApiChannel } from './ipc';
import { registerFileChannels } from './export-files';
import { buildMenu } from './menu';
import { notifyActionsDue } from './notifications';
import { ENV_DB, PRELOAD_FILE, RENDERER_ROOT, applyProfileOverride, databasePath, defaultDatabasePath, devOverride, locationFilePath, templatesRoot } from './paths';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { denyAllPermissions } from './security';
import { createMainWindow } from './window';
import { electronVault } from './password-vault';
import type { PasswordVault } from '../workspace/password-vault';

/**
 * The Electron entry point (bundled to out/main/index.cjs). It only wires things together:
 * the rules live in main/<area>/, reached through the same dispatcher the CLI and tests use.
 */

// Before ready: the UI language (dates, number formats, spell-check, Accept-Language),
// the privileged app:// scheme, and a per-test profile folder.
app.commandLine.appendSwitch('lang', 'en-GB');
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
registerAppScheme();
applyProfileOverride();
// Services read templates/ from disk (main/shared/templates-dir.ts); in a packaged app only
// the shipped folder counts, whatever the user's environment says.
process.env.BOARD_SECRETARIAT_TEMPLATES = templatesRoot();

let mainWindow: BrowserWindow | null = null;
let session: Session | null = null;
let dailyBackups: DailyBackups | null = null;

function actorName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown user';
  }
}

/**
 * Opens the workspace, or explains why not and quits. A refused file is never touched, except
 * one too damaged to open (or left empty) whose newest good backup the user chooses to put back
 * (main/workspace/rescue.ts): Settings → Backups cannot be reached without a workspace. A file
 * is opened with its quick check 'later' (in a worker, once the window is usable); one that
 * fails it is offered the same way back then (checkedAfterOpen).
 */
async function openWorkspace(path: string, vault: PasswordVault): Promise<Store | null> {
  try {
    // A PostgreSQL workspace is opened as it is, never replaced by a local file when the server cannot be reached.
    if (isPostgresTarget(path)) return await openStore(path, { create: false, ...keptPassword(vault, path) });
    mkdirSync(dirname(path), { recursive: true });
    return sqliteStore(openWithBackups(path, { verify: 'later' }));
  } catch (err) {
    console.error('Could not open the workspace', err);
    const answer = await offerRescue(err, path);
    if (answer === 'restored') return sqliteStore(openWithBackups(path, { verify: 'later' }));
    if (answer === 'none') dialog.showErrorBox(`${PRODUCT_NAME} cannot open its workspace`, openFailureMessage(err, path));
    return null;
  }
}

/**
 * For a workspace found damaged (`err`), asks whether to put back the newest backup that passes
 * the full check, and does so (the file must be closed): 'restored', 'declined' (or the restore
 * failed, which is said), or 'none' when the error is not damage or there is no good backup.
 */
async function offerRescue(err: unknown, path: string, found?: RescueOffer): Promise<'restored' | 'declined' | 'none'> {
  const offer = found ?? (await rescueOffer(err, path).catch(() => null));
  if (!offer) return 'none';
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    title: `${PRODUCT_NAME} cannot use its workspace`,
    message: 'The workspace file is damaged.',
    // Not the open's own message: it ends with the command line's restore, which this offers.
    detail: `${path} is damaged, or empty. Put back the newest good backup, ${offer.backup.name}? The damaged file is kept in the backups folder; anything entered since that backup will need entering again.`,
    buttons: ['Restore this backup', 'Quit'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  if (response !== 0) return 'declined';
  try {
    await rescue(path, offer, actorName(), new Date());
    return 'restored';
  } catch (restoreErr) {
    console.error('Could not restore the backup', restoreErr);
    dialog.showErrorBox(`${PRODUCT_NAME} could not restore the backup`, openFailureMessage(restoreErr, path));
    return 'declined';
  }
}

/**
 * Once the window is usable, the quick check that the open left 'later' finishes in its worker.
 * A failure has already stopped every write (with a banner saying why); here the user is offered
 * the newest good backup, as at start. Restored: the session opens the file again and the page
 * reloads. Declined ('Quit'): the app quits, as it would have at start.
 */
async function checkedAfterOpen(apiSession: Session, window: BrowserWindow): Promise<void> {
  const db = apiSession.store.sqlite;
  const ws = db && openedWorkspace(db);
  if (!ws?.checked) return;
  await ws.checked;
  if (!ws.damaged || apiSession.store.sqlite !== db) return;
  console.error('The workspace failed its check after opening', ws.damaged);
  const offer = await rescueOffer(ws.damaged, ws.path).catch(() => null);
  if (offer === null) return; // no good backup: the banner says what to do
  await apiSession.store.close(); // the restore replaces the file: nothing may have it open
  const answer = await offerRescue(ws.damaged, ws.path, offer);
  if (answer === 'restored') {
    apiSession.store = sqliteStore(openWithBackups(ws.path, { verify: 'later' }));
    if (!window.isDestroyed()) window.reload();
  } else app.quit();
}

/** The password kept for a PostgreSQL workspace (DPAPI), if any: without one, pg reads the password file. */
function keptPassword(vault: PasswordVault, target: string): { password?: string } {
  const password = isPostgresTarget(target) ? vault.load(target) : undefined;
  return password === undefined ? {} : { password };
}

/**
 * Opens the workspace remembered from Settings → Open another workspace… (a file, or a
 * PostgreSQL database). One that cannot be opened (the server unreachable, the file gone) is
 * said, with its reason, and the user chooses: the local workspace file instead, or quit. It
 * is never replaced silently, nor is a missing remembered file created anew.
 */
async function openRemembered(target: string | Error, vault: PasswordVault): Promise<{ store: Store; path: string } | null> {
  if (typeof target === 'string') {
    try {
      return { store: await openStore(target, { create: false, verify: 'later', ...keptPassword(vault, target) }), path: target };
    } catch (err) {
      console.error('Could not open the remembered workspace', err);
      target = new Error(openFailureMessage(err, target));
    }
  }
  const local = defaultDatabasePath();
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    title: `${PRODUCT_NAME} cannot open its workspace`,
    message: 'The workspace chosen last time cannot be opened.',
    detail: `${target.message}\n\nOpen the local workspace file (${local}) instead? The workspace chosen last time is still remembered: Settings → Open another workspace… opens it again once it can be reached.`,
    buttons: ['Open the local workspace file instead', 'Quit'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  if (response !== 0) return null;
  const store = await openWorkspace(local, vault);
  return store ? { store, path: local } : null;
}

/** The remembered workspace (none in a development run that names its own), or an error when the file that remembers it cannot be read. */
function rememberedTarget(): string | Error | null {
  if (devOverride(ENV_DB)) return null;
  try {
    return readWorkspaceLocation(locationFilePath());
  } catch (err) {
    console.error('Could not read the remembered workspace location', err);
    return err instanceof Error ? err : new Error(String(err));
  }
}

function showMainWindow(): void {
  if (mainWindow === null || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(): Promise<void> {
  await app.whenReady();
  denyAllPermissions(electronSession.defaultSession);
  handleAppProtocol(RENDERER_ROOT);

  // safeStorage is usable once the app is ready: PostgreSQL passwords typed in Open another workspace… are kept with it.
  const vault = electronVault();
  const remembered = rememberedTarget();
  const opened =
    remembered === null ? await openWorkspace(databasePath(), vault).then((s) => s && { store: s, path: databasePath() }) : await openRemembered(remembered, vault);
  if (opened === null) {
    app.exit(1);
    return;
  }
  const { store, path: workspacePath } = opened;
  // One session for IPC and notifications: workspace.reopen and workspace.open replace its
  // store, so will-quit closes the session's current one, not the one opened here.
  const apiSession: Session = {
    store,
    actor: actorName(),
    log: console.error,
    remember: (target) => writeWorkspaceLocation(locationFilePath(), target),
    vault,
  };
  session = apiSession;
  registerApiChannel(apiSession);
  // The daily backup is checked just after the workspace is usable (opening never waits for
  // it) and every hour while the app is open; will-quit clears the timer.
  dailyBackups = startDailyBackups(() => apiSession.store.sqlite, () => new Date(), console.error);
  registerFileChannels(apiSession, workspacePath, () => mainWindow);

  app.setAboutPanelOptions({ applicationName: PRODUCT_NAME, applicationVersion: app.getVersion(), copyright: 'Board Secretariat developers' });
  Menu.setApplicationMenu(buildMenu(!app.isPackaged));
  mainWindow = createMainWindow(PRELOAD_FILE);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  const shown = mainWindow;
  shown.once('ready-to-show', () => {
    notifyActionsDue(apiSession, shown).catch((err: unknown) => console.error('Could not show the actions notification', err));
    checkedAfterOpen(apiSession, shown).catch((err: unknown) => console.error('Could not finish the check after opening', err));
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another window already has this workspace open; it is told to come forward (second-instance).
  app.quit();
} else {
  app.on('second-instance', showMainWindow);
  app.on('window-all-closed', () => app.quit());
  // Closing is asynchronous on both engines (a backup may be copying; SQLite checkpoints its
  // WAL on close; PostgreSQL ends its pool), so will-quit holds the quit until the schedule has
  // stopped and the store is closed, then quits again; a quit asked for meanwhile just waits.
  let closing: Promise<void> | null = null;
  let closed = false;
  app.on('will-quit', (event: Electron.Event) => {
    if (closed) return;
    event.preventDefault();
    closing ??= (async () => {
      const [backups, current] = [dailyBackups, session];
      dailyBackups = null;
      session = null;
      await backups?.stop().catch((err: unknown) => console.error('Could not finish the backup before quitting', err));
      if (current?.store.isOpen()) await current.store.close().catch((err: unknown) => console.error('Could not close the workspace', err));
    })().finally(() => {
      closed = true;
      app.quit();
    });
  });
  start().catch((err: unknown) => {
    console.error('Board Secretariat failed to start', err);
    dialog.showErrorBox(`${PRODUCT_NAME} could not start`, 'Something went wrong while starting. Nothing in your workspace was changed. If it happens again, tell the administrator.');
    app.exit(1);
  });
}
