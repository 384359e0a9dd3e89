import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import Module, { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { IPC_CHANNELS } from '../../main/electron/api-channel';
import { APP_SCHEME, APP_START_URL } from '../../main/electron/app-url';
import { MAIN_EXTERNALS, buildBundles, root } from '../../scripts/bundles.mjs';
import { createElectronStandIn, type StandIn } from '../helpers/electron-stand-in';

/**
 * The desktop shell boots where no Electron binary exists: out/main/index.cjs, built from the
 * current sources with the project's own bundler (scripts/bundles.mjs, the same targets
 * `npm run build` writes to out/), is laid out in a temp folder as electron-builder.yml lays out
 * the installed app, and run under Node against a recording stand-in of the `electron` module,
 * as a packaged app (app.isPackaged, process.resourcesPath). Built here rather than read from
 * out/, because `npm test` runs vitest before the build and a stale out/ would prove nothing.
 *
 * resources/app stands in for app.asar (plain Node cannot read an asar); the native modules the
 * app loads must be ones asarUnpack takes out of it, which is checked from the .node files
 * actually loaded.
 */

interface BuilderConfig {
  files: string[];
  asarUnpack: string[];
  extraResources: { from: string; to: string }[];
}
const builder = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
const requireHere = createRequire(join(root, 'package.json'));
// The glob matcher electron-builder itself applies asarUnpack with.
const { minimatch } = createRequire(requireHere.resolve('app-builder-lib/package.json'))('minimatch') as { minimatch: (path: string, pattern: string, options?: { dot?: boolean }) => boolean };

const base = mkdtempSync(join(tmpdir(), 'board-secretariat-boot-'));
const resources = join(base, 'resources');
const appDir = join(resources, 'app');
const userData = join(base, 'userData');
const bundle = join(appDir, 'out', 'main', 'index.cjs');
const MARKER_TEMPLATE = 'shipped-resources-marker';

/** Copies a package from the repository's node_modules, then what it depends on at run time. */
function copyPackage(name: string, into: string, done: Set<string>): void {
  if (done.has(name)) return;
  done.add(name);
  let source: string;
  try {
    source = dirname(realpathSync(requireHere.resolve(`${name}/package.json`)));
  } catch {
    return; // an optional dependency for another platform
  }
  // deps/ is the SQLite source and obj.target/ the compiler's objects: neither is loaded at run time.
  cpSync(source, join(into, 'node_modules', name), { recursive: true, dereference: true, filter: (p) => !['deps', 'obj.target'].includes(basename(p)) });
  const manifest = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
  for (const dep of [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.optionalDependencies ?? {})]) copyPackage(dep, into, done);
}

/** The installed app's resources folder: app (for app.asar), the shipped node_modules, extraResources. */
async function layOutPackagedApp(): Promise<void> {
  await buildBundles(join(appDir, 'out'), ['main', 'preload']);
  mkdirSync(join(appDir, 'out', 'renderer'), { recursive: true });
  writeFileSync(join(appDir, 'out', 'renderer', 'index.html'), '<!doctype html><title>Board Secretariat</title>');
  cpSync(join(root, 'package.json'), join(appDir, 'package.json'));
  const copied = new Set<string>();
  for (const name of MAIN_EXTERNALS.filter((m) => m !== 'electron')) {
    expect(pkg.dependencies, `${name} is external to the main bundle, so it must be a production dependency that electron-builder ships`).toHaveProperty(name);
    copyPackage(name, appDir, copied);
  }
  for (const { from, to } of builder.extraResources) cpSync(join(root, from), join(resources, to), { recursive: true });
  // Only a template in the shipped folder has this key: the app must read resources/templates.
  const template = JSON.parse(readFileSync(join(resources, 'templates', 'papers', 'board-paper.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(resources, 'templates', 'papers', `${MARKER_TEMPLATE}.json`), JSON.stringify({ ...template, key: MARKER_TEMPLATE, name: 'Shipped resources marker' }));
}

const isBuiltin = (request: string) => request.startsWith('node:') || builtinModules.includes(request.split('/')[0]!);

let electron: StandIn;
const bundleRequests: { request: string; resolved: string }[] = [];
const nativeModules: string[] = [];
const warnings: string[] = [];
const errors: string[] = [];
let settledAs: string;
let callsBeforeReady: string[] = [];

const saved = { load: null as unknown, dlopen: process.dlopen, resourcesPath: undefined as unknown, templates: process.env.BOARD_SECRETARIAT_TEMPLATES, warn: console.warn, error: console.error };

beforeAll(async () => {
  await layOutPackagedApp();
  electron = createElectronStandIn({ isPackaged: true, appPath: appDir, userData, home: join(base, 'home'), version: pkg.version });

  const loader = Module as unknown as { _load: (request: string, parent: { filename?: string } | null, isMain: boolean) => unknown; _resolveFilename: (request: string, parent: unknown) => string };
  saved.load = loader._load;
  const originalLoad = loader._load;
  loader._load = function (request, parent, isMain) {
    if (request === 'electron') return electron.module;
    if (parent?.filename === bundle && !isBuiltin(request) && !isAbsolute(request) && !request.startsWith('.')) bundleRequests.push({ request, resolved: loader._resolveFilename(request, parent) });
    return originalLoad.call(this, request, parent, isMain);
  };
  process.dlopen = ((module: unknown, filename: string, ...rest: unknown[]) => {
    nativeModules.push(filename);
    return (saved.dlopen as (...args: unknown[]) => void)(module, filename, ...rest);
  }) as typeof process.dlopen;
  saved.resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  (process as { resourcesPath?: string }).resourcesPath = resources;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  console.error = (...args: unknown[]) => void errors.push(args.map(String).join(' '));

  createRequire(bundle)(bundle);
  callsBeforeReady = electron.calls.map((c) => c.name);
  electron.ready();
  settledAs = await electron.settled;
  // Bundling main, preload and renderer takes seconds, many more on a shared, busy machine.
}, 120_000);

afterAll(async () => {
  if (electron) {
    // will-quit holds the quit until the workspace is closed, then quits again.
    const quits = electron.callsTo('app.quit').length;
    electron.app.emit('will-quit', { preventDefault: () => undefined });
    await vi.waitFor(() => expect(electron.callsTo('app.quit').length).toBe(quits + 1));
  }
  (Module as unknown as { _load: unknown })._load = saved.load;
  process.dlopen = saved.dlopen;
  (process as { resourcesPath?: unknown }).resourcesPath = saved.resourcesPath;
  if (saved.templates === undefined) delete process.env.BOARD_SECRETARIAT_TEMPLATES;
  else process.env.BOARD_SECRETARIAT_TEMPLATES = saved.templates;
  console.warn = saved.warn;
  console.error = saved.error;
  rmSync(base, { recursive: true, force: true });
});

const trustedEvent = { senderFrame: { url: APP_START_URL } };

async function callApi(name: string, input: unknown = {}, event: unknown = trustedEvent): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  const handler = electron.ipcHandlers.get('api');
  if (!handler) throw new Error('no api handler');
  return (await handler(event, name, input)) as { ok: boolean; value?: unknown; error?: { code: string } };
}

describe('the bundled main process, booted as a packaged app against a stand-in Electron', () => {
  it('boots to its window without an error box, an exit or a logged error', () => {
    expect(electron.callsTo('dialog.showErrorBox')).toEqual([]);
    expect(electron.callsTo('app.exit')).toEqual([]);
    expect(errors).toEqual([]);
    expect(settledAs).toBe('window loaded');
  });

  it('resolves every module it requires from the shipped node_modules, and loads only native modules that asarUnpack takes out of app.asar', () => {
    const externals = MAIN_EXTERNALS.filter((m) => m !== 'electron');
    expect(bundleRequests.map((r) => r.request).filter((r) => !externals.includes(r))).toEqual([]);
    expect([...new Set(bundleRequests.map((r) => r.request))].sort()).toEqual([...externals].sort());
    for (const { resolved } of bundleRequests) expect(resolved.startsWith(join(appDir, 'node_modules') + sep)).toBe(true);
    const sqlite = nativeModules.filter((file) => file.endsWith('better_sqlite3.node'));
    expect(sqlite).toHaveLength(1);
    expect(nativeModules.some((file) => file.includes(`${sep}@resvg${sep}`))).toBe(true);
    for (const file of nativeModules) {
      const inApp = relative(appDir, file).split(sep).join('/');
      expect(inApp.startsWith('..'), `${file} is outside the app`).toBe(false);
      expect(builder.asarUnpack.some((pattern) => minimatch(inApp, pattern, { dot: true })), `${inApp} would stay inside app.asar, where it cannot be loaded`).toBe(true);
    }
  });

  it('before ready: sets the UI language and declares app:// privileged, and opens nothing yet', () => {
    expect(electron.callsTo('app.commandLine.appendSwitch')[0]?.args).toEqual(['lang', 'en-GB']);
    expect(callsBeforeReady).toContain('protocol.registerSchemesAsPrivileged');
    expect(callsBeforeReady).toContain('app.requestSingleInstanceLock');
    for (const later of ['protocol.handle', 'ipcMain.handle', 'new BrowserWindow']) expect(callsBeforeReady).not.toContain(later);
    const [schemes] = electron.callsTo('protocol.registerSchemesAsPrivileged')[0]!.args as [{ scheme: string; privileges: Record<string, boolean> }[]];
    expect(schemes).toEqual([{ scheme: APP_SCHEME, privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(schemes[0]!.privileges).not.toHaveProperty('bypassCSP');
  });

  it('serves app://bundle/ from the shipped renderer and nothing else', async () => {
    expect([...electron.protocolHandlers.keys()]).toEqual([APP_SCHEME]);
    const handler = electron.protocolHandlers.get(APP_SCHEME)!;
    const page = (await handler({ method: 'GET', url: APP_START_URL })) as Response;
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Board Secretariat</title>');
    expect(((await handler({ method: 'GET', url: 'app://bundle/../package.json' })) as Response).status).toBe(404);
  });

  it('registers exactly the expected IPC channels', () => {
    expect([...electron.ipcHandlers.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it('opens the workspace in userData with the shipped better-sqlite3, and reads the shipped templates', async () => {
    const info = await callApi('workspace.info');
    expect(info.ok).toBe(true);
    expect((info.value as { path: string }).path).toBe(join(userData, 'workspace.db'));
    expect(existsSync(join(userData, 'workspace.db'))).toBe(true);
    expect(process.env.BOARD_SECRETARIAT_TEMPLATES).toBe(join(resources, 'templates'));
    const templates = await callApi('paper.templates');
    expect(templates.ok).toBe(true);
    expect((templates.value as { templates: { key: string }[] }).templates.map((t) => t.key)).toContain(MARKER_TEMPLATE);
  });

  it('answers only its own pages over IPC', async () => {
    expect(await callApi('workspace.info', {}, { senderFrame: { url: 'https://evil.example/' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await callApi('workspace.info', {}, { senderFrame: null })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('answers its pages as a screen: a write without the version it read is refused naming `version`, and goes in with it', async () => {
    const org = (await callApi('organisation.create', { name: 'Kent Police', kind: 'police' })) as { ok: true; value: { id: number; version: number } };
    expect(org.ok).toBe(true);
    expect(await callApi('organisation.update', { id: org.value.id, notes: 'no version' })).toMatchObject({ ok: false, error: { code: 'validation', field: 'version' } });
    expect(await callApi('organisation.update', { id: org.value.id, notes: 'read at 1', version: org.value.version })).toMatchObject({ ok: true, value: { version: 2, notes: 'read at 1' } });
  });

  it('refuses an export sent on the API channel with a path the page chose: exports go through the Save dialog', async () => {
    const out = join(base, 'chosen by the page.docx');
    expect(await callApi('meeting.exportMinutes', { id: 1, out })).toMatchObject({ ok: false, error: { code: 'files.useSaveExport', field: 'out' } });
    expect(existsSync(out)).toBe(false);
    expect(await callApi('workspace.info')).toMatchObject({ ok: true });
  });

  it('asks before closing a window whose page holds unsaved input, and closes only when told to', () => {
    const [window] = electron.windows;
    const unload = (answer: number) => {
      electron.messageBoxAnswers.push(answer);
      let prevented = false;
      window!.webContents.emit('will-prevent-unload', { preventDefault: () => (prevented = true) });
      return prevented;
    };
    // "Stay": the page's refusal stands, the window stays open.
    expect(unload(0)).toBe(false);
    // "Close without saving": Electron is told to ignore the page's refusal.
    expect(unload(1)).toBe(true);
    const asked = electron.callsTo('dialog.showMessageBoxSync');
    expect(asked).toHaveLength(2);
    expect(asked[0]!.args[1]).toMatchObject({ message: 'Close without saving?', buttons: ['Stay', 'Close without saving'], cancelId: 0 });
  });

  it('creates one window with the hardened webPreferences and the bundled preload, on app://bundle/', () => {
    expect(electron.windows).toHaveLength(1);
    const [window] = electron.windows;
    const prefs = window!.options.webPreferences!;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker ?? false).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames ?? false).toBe(false);
    expect(prefs.webSecurity).not.toBe(false);
    expect(prefs.allowRunningInsecureContent ?? false).toBe(false);
    expect(prefs.webviewTag ?? false).toBe(false);
    expect(prefs.preload).toBe(join(appDir, 'out', 'preload', 'index.cjs'));
    expect(existsSync(prefs.preload as string)).toBe(true);
    expect(window!.loadedUrl).toBe(APP_START_URL);
  });

  it('shows the window when it is ready to show', () => {
    const [window] = electron.windows;
    window!.emit('ready-to-show');
    expect(window!.shown).toBe(true);
  });

  it('grants no permission to anyone', () => {
    let granted: boolean | null = null;
    electron.permissionRequestHandler!({}, 'media', (answer: boolean) => (granted = answer));
    expect(granted).toBe(false);
    expect(electron.permissionCheckHandler!({}, 'clipboard-read')).toBe(false);
  });

  it('a packaged app has no reload or developer tools in its menu', () => {
    const [template] = electron.callsTo('Menu.buildFromTemplate')[0]!.args;
    const roles = JSON.stringify(template);
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
    expect(electron.callsTo('Menu.setApplicationMenu')).toHaveLength(1);
  });

  // Last in this block: it leaves the session on the other file.
  it('remembers a workspace opened with workspace.open in userData/workspace-location.json, for the next start', async () => {
    const location = join(userData, 'workspace-location.json');
    expect(existsSync(location)).toBe(false);
    const other = join(base, 'other.db');
    copyFileSync(join(userData, 'workspace.db'), other);
    const opened = await callApi('workspace.open', { target: other });
    expect(opened).toMatchObject({ ok: true, value: { path: other } });
    expect(JSON.parse(readFileSync(location, 'utf8'))).toEqual({ target: other });
    expect(await callApi('workspace.open', { target: join(base, 'missing.db') })).toMatchObject({ ok: false, error: { code: 'db.missing', field: 'target' } });
    expect(JSON.parse(readFileSync(location, 'utf8'))).toEqual({ target: other });
  });
});

describe('links clicked in the window: system browser or mail client through the allow-list, never the app window', () => {
  const navigate = (url: string) => {
    let prevented = false;
    electron.windows[0]!.webContents.emit('will-navigate', { url, preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  const opened = () => electron.callsTo('shell.openExternal').map((c) => c.args[0]);

  it('an https link in a paper opens in the browser and the window stays', () => {
    const before = opened().length;
    expect(navigate('https://www.gov.uk/government/organisations/home-office')).toBe(true);
    expect(opened().slice(before)).toEqual(['https://www.gov.uk/government/organisations/home-office']);
  });

  it('a link opened as a new window (middle-click, Shift+click) is denied a window and goes to the browser or mail client', () => {
    const before = opened().length;
    const handler = electron.windows[0]!.webContents.windowOpenHandler!;
    expect(handler({ url: 'https://example.org/report' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'mailto:board.secretary@example.gov.uk' })).toEqual({ action: 'deny' });
    expect(opened().slice(before)).toEqual(['https://example.org/report', 'mailto:board.secretary@example.gov.uk']);
  });

  it('anything else is refused, logged and not opened', () => {
    const before = opened().length;
    const warned = warnings.length;
    for (const url of ['http://example.org/', 'file:///C:/Windows/System32/calc.exe', 'javascript:alert(1)', 'app://other/index.html', 'ms-settings:privacy']) {
      expect(navigate(url)).toBe(true);
    }
    expect(electron.windows[0]!.webContents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(opened().slice(before)).toEqual([]);
    expect(warnings.slice(warned)).toHaveLength(6);
    expect(warnings.slice(warned).every((w) => w.startsWith('Refused to open'))).toBe(true);
  });

  it("the app's own pages navigate inside the window", () => {
    const before = opened().length;
    expect(navigate('app://bundle/index.html#/papers')).toBe(false);
    expect(opened().slice(before)).toEqual([]);
  });

  it('redirects away from app://bundle/ are cancelled, and <webview> is refused', () => {
    let prevented = false;
    electron.windows[0]!.webContents.emit('will-redirect', { url: 'https://evil.example/', preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    let refused = false;
    electron.windows[0]!.webContents.emit('will-attach-webview', { preventDefault: () => (refused = true) });
    expect(refused).toBe(true);
  });
});
