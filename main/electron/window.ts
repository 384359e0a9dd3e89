import { BrowserWindow, dialog } from 'electron';
import { APP_START_URL } from './app-url';
import { PRODUCT_NAME } from './identity';
import { confineToApp } from './security';

/**
 * The main window, hardened per Electron's security checklist: isolated, sandboxed renderer
 * with no Node, web security on, and the preload as its only bridge (window.api).
 */
export function createMainWindow(preloadFile: string): BrowserWindow {
  const window = new BrowserWindow({
    title: PRODUCT_NAME,
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    },
  });
  confineToApp(window.webContents);
  // The page's <title> would otherwise replace the window title.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  // The renderer refuses to unload while something typed is unsaved (renderer/src/app/navigation.ts);
  // Electron would then silently keep the window open, so ask, as a browser does.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['Stay', 'Close without saving'],
      defaultId: 0,
      cancelId: 0,
      title: PRODUCT_NAME,
      message: 'Close without saving?',
      detail: 'Something you typed has not been saved yet. If you close now, it is lost.',
    });
    if (choice === 1) event.preventDefault();
  });
  window.loadURL(APP_START_URL).catch((err: unknown) => {
    // Still show the window, so the user sees Chromium's error page rather than nothing.
    console.error(`Could not load ${APP_START_URL}`, err);
    if (!window.isDestroyed()) window.show();
  });
  return window;
}
