import { EventEmitter } from 'node:events';
import { join } from 'node:path';

/**
 * A recording stand-in for the main-process `electron` module, for booting the bundled
 * out/main/index.cjs under Node where no Electron binary exists (test/integration/electron-boot.test.ts).
 * It does what the app asks and writes each call down. Any member the app reads that is not
 * modelled here throws, naming it, so a new Electron API in main/electron/ fails the boot test
 * loudly until the stand-in learns it, instead of passing silently.
 */

export interface Call {
  name: string;
  args: unknown[];
}

export interface StandInOptions {
  isPackaged: boolean;
  appPath: string;
  userData: string;
  /** The user's folders (app.getPath('documents') and the like) live under here. */
  home: string;
  version: string;
}

type Listener = (...args: unknown[]) => unknown;

export class StandInWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly executed: string[] = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  executeJavaScript(code: string): Promise<unknown> {
    this.executed.push(code);
    return Promise.resolve(undefined);
  }
}

export interface StandIn {
  /** The object handed to require('electron'). */
  module: Record<string, unknown>;
  /** Every call, in order. */
  calls: Call[];
  callsTo(name: string): Call[];
  /** Resolves app.whenReady(): Electron's 'ready'. */
  ready(): void;
  /** Settles when the app has loaded its window (or gave up: app.exit, dialog.showErrorBox). */
  settled: Promise<'window loaded' | 'exited' | 'error box'>;
  windows: StandInWindow[];
  ipcHandlers: Map<string, Listener>;
  protocolHandlers: Map<string, Listener>;
  permissionRequestHandler: Listener | null;
  permissionCheckHandler: Listener | null;
  app: EventEmitter;
  /** The answers dialog.showMessageBoxSync gives, in turn (a button's index). */
  messageBoxAnswers: number[];
  /** What safeStorage says of itself (settable: an encryption that is not available, Linux's 'basic_text' fallback). */
  safeStorage: { encryptionAvailable: boolean; backend: string };
}

export interface StandInWindow extends EventEmitter {
  options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>;
  webContents: StandInWebContents;
  loadedUrl: string | null;
  shown: boolean;
}

/** Wraps an object so that reading a member it does not have throws with the member's name. */
function strict<T extends object>(name: string, target: T): T {
  return new Proxy(target, {
    get(obj, key, receiver) {
      if (typeof key === 'symbol' || key === 'then' || key === '__esModule' || key === 'default') return Reflect.get(obj, key, receiver);
      if (!(key in obj)) throw new Error(`The Electron stand-in has no ${name}.${key}: model it in test/helpers/electron-stand-in.ts`);
      return Reflect.get(obj, key, receiver);
    },
  });
}

export function createElectronStandIn(options: StandInOptions): StandIn {
  const calls: Call[] = [];
  const messageBoxAnswers: number[] = [];
  const safeStorageState = { encryptionAvailable: true, backend: 'gnome_libsecret' };
  const record = (name: string, ...args: unknown[]) => calls.push({ name, args });
  let resolveReady!: () => void;
  const readyPromise = new Promise<void>((resolve) => (resolveReady = resolve));
  let settle!: (how: 'window loaded' | 'exited' | 'error box') => void;
  const settled = new Promise<'window loaded' | 'exited' | 'error box'>((resolve) => (settle = resolve));
  const paths = new Map<string, string>([
    ['userData', options.userData],
    ['home', options.home],
    ['documents', join(options.home, 'Documents')],
    ['downloads', join(options.home, 'Downloads')],
    ['desktop', join(options.home, 'Desktop')],
    ['temp', join(options.home, 'Temp')],
  ]);
  const windows: StandInWindow[] = [];
  const ipcHandlers = new Map<string, Listener>();
  const protocolHandlers = new Map<string, Listener>();

  const appEmitter = new EventEmitter();
  const app = Object.assign(appEmitter, {
    isPackaged: options.isPackaged,
    commandLine: strict('app.commandLine', { appendSwitch: (...args: unknown[]) => record('app.commandLine.appendSwitch', ...args) }),
    setAppUserModelId: (id: string) => record('app.setAppUserModelId', id),
    setPath: (name: string, value: string) => {
      record('app.setPath', name, value);
      paths.set(name, value);
    },
    getPath: (name: string) => {
      const value = paths.get(name);
      if (value === undefined) throw new Error(`The Electron stand-in knows no app.getPath('${name}')`);
      return value;
    },
    getAppPath: () => options.appPath,
    getVersion: () => options.version,
    whenReady: () => {
      record('app.whenReady');
      return readyPromise;
    },
    requestSingleInstanceLock: () => {
      record('app.requestSingleInstanceLock');
      return true;
    },
    setAboutPanelOptions: (about: unknown) => record('app.setAboutPanelOptions', about),
    quit: () => record('app.quit'),
    exit: (code?: number) => {
      record('app.exit', code);
      settle('exited');
    },
  });

  class BrowserWindow extends EventEmitter implements StandInWindow {
    readonly webContents = new StandInWebContents();
    loadedUrl: string | null = null;
    shown = false;
    private destroyed = false;
    constructor(readonly options: StandInWindow['options']) {
      super();
      record('new BrowserWindow', options);
      windows.push(this);
    }
    loadURL(url: string): Promise<void> {
      record('BrowserWindow.loadURL', url);
      this.loadedUrl = url;
      settle('window loaded');
      return Promise.resolve();
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    show(): void {
      this.shown = true;
    }
    focus(): void {}
  }

  class Notification extends EventEmitter {
    static isSupported(): boolean {
      return true;
    }
    constructor(readonly options: unknown) {
      super();
      record('new Notification', options);
    }
    show(): void {
      record('Notification.show');
    }
  }

  const standIn: StandIn = {
    module: {},
    calls,
    callsTo: (name) => calls.filter((c) => c.name === name),
    ready: () => resolveReady(),
    settled,
    windows,
    ipcHandlers,
    protocolHandlers,
    permissionRequestHandler: null,
    permissionCheckHandler: null,
    app,
    messageBoxAnswers,
    safeStorage: safeStorageState,
  };

  const defaultSession = strict('session.defaultSession', {
    setPermissionRequestHandler: (handler: Listener) => {
      record('session.setPermissionRequestHandler');
      standIn.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler: (handler: Listener) => {
      record('session.setPermissionCheckHandler');
      standIn.permissionCheckHandler = handler;
    },
  });

  standIn.module = strict('electron', {
    app: strict('app', app),
    BrowserWindow,
    Notification,
    protocol: strict('protocol', {
      registerSchemesAsPrivileged: (schemes: unknown) => record('protocol.registerSchemesAsPrivileged', schemes),
      handle: (scheme: string, handler: Listener) => {
        record('protocol.handle', scheme);
        protocolHandlers.set(scheme, handler);
      },
    }),
    ipcMain: strict('ipcMain', {
      handle: (channel: string, handler: Listener) => {
        record('ipcMain.handle', channel);
        if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`); // as Electron does
        ipcHandlers.set(channel, handler);
      },
      removeHandler: (channel: string) => {
        record('ipcMain.removeHandler', channel);
        ipcHandlers.delete(channel);
      },
    }),
    Menu: strict('Menu', {
      buildFromTemplate: (template: unknown) => {
        record('Menu.buildFromTemplate', template);
        return { template };
      },
      setApplicationMenu: (menu: unknown) => record('Menu.setApplicationMenu', menu),
    }),
    session: strict('session', { defaultSession }),
    dialog: strict('dialog', {
      showErrorBox: (title: string, content: string) => {
        record('dialog.showErrorBox', title, content);
        settle('error box');
      },
      showSaveDialog: (...args: unknown[]) => {
        record('dialog.showSaveDialog', ...args);
        return Promise.resolve({ canceled: true });
      },
      showOpenDialog: (...args: unknown[]) => {
        record('dialog.showOpenDialog', ...args);
        return Promise.resolve({ canceled: true, filePaths: [] });
      },
      showMessageBox: (...args: unknown[]) => {
        record('dialog.showMessageBox', ...args);
        return Promise.resolve({ response: 0, checkboxChecked: false });
      },
      // The button the person chooses: the first answer queued in messageBoxAnswers, else the first button.
      showMessageBoxSync: (...args: unknown[]) => {
        record('dialog.showMessageBoxSync', ...args);
        return messageBoxAnswers.shift() ?? 0;
      },
    }),
    // Not encryption: a reversible marking, so a test can tell a kept password went through it.
    safeStorage: strict('safeStorage', {
      isEncryptionAvailable: () => safeStorageState.encryptionAvailable,
      getSelectedStorageBackend: () => safeStorageState.backend,
      encryptString: (text: string) => {
        record('safeStorage.encryptString');
        return Buffer.from(`stand-in:${text}`, 'utf8');
      },
      decryptString: (sealed: Buffer) => {
        record('safeStorage.decryptString');
        return sealed.toString('utf8').replace(/^stand-in:/, '');
      },
    }),
    shell: strict('shell', {
      openExternal: (url: string) => {
        record('shell.openExternal', url);
        return Promise.resolve();
      },
      openPath: (path: string) => {
        record('shell.openPath', path);
        return Promise.resolve('');
      },
      showItemInFolder: (path: string) => record('shell.showItemInFolder', path),
    }),
  });
  return standIn;
}
