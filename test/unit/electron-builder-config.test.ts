import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire, builtinModules } from 'node:module';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { APP_ID, PRODUCT_NAME } from '../../main/electron/identity';

const root = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface BuilderConfig {
  appId: string;
  copyright: string;
  productName: string;
  files: string[];
  asarUnpack: string[];
  extraResources?: { from: string; to: string }[];
  npmRebuild?: boolean;
  directories: { output: string; buildResources?: string };
  electronFuses?: Record<string, unknown>;
  cscLink?: string;
  cscKeyPassword?: string;
  forceCodeSigning?: boolean;
  win: {
    icon?: string;
    requestedExecutionLevel?: string;
    target: { target: string; arch: string[] }[];
    signtoolOptions?: Record<string, unknown>;
    azureSignOptions?: unknown;
    signExecutable?: boolean;
    signAndEditExecutable?: boolean;
    forceCodeSigning?: boolean;
    cscLink?: string;
    cscKeyPassword?: string;
  };
  nsis: Record<string, unknown>;
}

const config = parse(read('electron-builder.yml')) as BuilderConfig;
const pkg = JSON.parse(read('package.json')) as { main: string; productName: string; author: string; scripts: Record<string, string> };

describe('electron-builder.yml (the Windows installer)', () => {
  it("passes electron-builder's own schema check", async () => {
    // The same validation `electron-builder` runs before packing; a misspelt option fails here.
    const require = createRequire(join(root, 'node_modules', 'electron-builder', 'package.json'));
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, perMachne: false } }, new DebugLogger(false))).rejects.toThrow(/Invalid configuration/);
    await expect(validateConfiguration({ ...config, electronFuses: { ...config.electronFuses, runAsnode: false } }, new DebugLogger(false))).rejects.toThrow(/Invalid configuration/);
    await expect(
      validateConfiguration({ ...config, win: { ...config.win, signtoolOptions: { ...config.win.signtoolOptions, signingHashAlgorithm: ['sha256'] } } }, new DebugLogger(false)),
    ).rejects.toThrow(/Invalid configuration/);
  });

  it('names the app as the running app does', () => {
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(PRODUCT_NAME);
    expect(pkg.productName).toBe(PRODUCT_NAME);
  });

  it('builds an NSIS installer for 64-bit Windows', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.directories.output).toBe('dist');
  });

  it('installs per user with no administrator rights', () => {
    expect(config.nsis.oneClick).toBe(false);
    expect(config.nsis.perMachine).toBe(false);
    expect(config.nsis.allowElevation).toBe(false);
    expect(config.nsis.selectPerMachineByDefault ?? false).toBe(false);
    expect(config.win.requestedExecutionLevel ?? 'asInvoker').toBe('asInvoker');
    expect(config.nsis.allowToChangeInstallationDirectory).toBe(true);
    expect(config.nsis.shortcutName).toBe(PRODUCT_NAME);
  });

  it('never deletes the workspace on uninstall', () => {
    expect(config.nsis.deleteAppDataOnUninstall ?? false).toBe(false);
  });

  it('packs the built app and nothing of the sources', () => {
    expect(config.files).toContain('out/**');
    expect(config.files).toContain('package.json');
    expect(pkg.main).toBe('out/main/index.cjs');
    expect(pkg.main.startsWith('out/')).toBe(true);
    for (const source of ['main', 'preload', 'renderer', 'test', 'bench', 'scripts']) {
      expect(config.files.some((pattern) => pattern === `${source}/**` || pattern.startsWith(`${source}/`))).toBe(false);
    }
    expect(config.files).toContain('!out/bridge/**');
  });

  it('ships templates/ as plain files beside the asar, where finance can adjust them', () => {
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: 'templates', to: 'templates' }));
  });

  it('unpacks the native SQLite module from the asar and rebuilds it for Electron only when packing', () => {
    expect(config.asarUnpack.some((p) => p.startsWith('node_modules/better-sqlite3/') && p.endsWith('*.node'))).toBe(true);
    expect(config.npmRebuild ?? true).toBe(true);
    // A rebuild for Electron at install time would break the Node tests and the CLI.
    for (const name of ['postinstall', 'install', 'preinstall']) {
      expect(pkg.scripts[name] ?? '').not.toMatch(/rebuild|install-app-deps/);
    }
  });

  it('flips every hardening fuse (no Node mode, no NODE_OPTIONS, no --inspect, only the integrity-checked app.asar, encrypted cookies)', () => {
    // Key names as electron-builder 26 passes them to @electron/fuses (FuseOptionsV1 in
    // app-builder-lib's scheme.json); the schema test above refuses a misspelt one.
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // Integrity validation needs the app in an asar whose hash electron-builder embeds.
    // (electron-builder 26 writes that hash into the .exe's ELECTRONASAR resource unless told not to.)
    expect((config as { asar?: unknown }).asar ?? true).not.toBe(false);
    expect((config as { disableAsarIntegrity?: unknown }).disableAsarIntegrity ?? false).toBe(false);
  });

  it('signs with SHA-256, a timestamp and the publisher name when a certificate is given, and builds unsigned otherwise', () => {
    const sign = config.win.signtoolOptions ?? {};
    expect(sign.signingHashAlgorithms).toEqual(['sha256']);
    expect(String(sign.rfc3161TimeStampServer)).toMatch(/^https?:\/\/[^/\s]+/);
    expect(sign.publisherName).toBe(pkg.author);
    expect(config.copyright).toContain(pkg.author);
    // Signing is on (the default) …
    expect(config.win.signExecutable ?? true).toBe(true);
    expect(config.win.signAndEditExecutable ?? true).toBe(true);
    expect(config.win.azureSignOptions ?? null).toBeNull();
    // … but a build with no certificate must still succeed: nothing forces it.
    expect(config.forceCodeSigning ?? false).toBe(false);
    expect(config.win.forceCodeSigning ?? false).toBe(false);
    // The certificate and its password come from the environment only (CSC_LINK /
    // WIN_CSC_LINK, CSC_KEY_PASSWORD / WIN_CSC_KEY_PASSWORD), never from the repository.
    for (const secret of ['certificateFile', 'certificatePassword', 'certificateSha1', 'certificateSubjectName', 'sign']) {
      expect(sign[secret] ?? null).toBeNull();
    }
    for (const where of [config, config.win]) {
      expect(where.cscLink ?? null).toBeNull();
      expect(where.cscKeyPassword ?? null).toBeNull();
    }
    const settings = read('electron-builder.yml')
      .split('\n')
      .filter((line) => !/^\s*#/.test(line));
    expect(settings.filter((line) => /\.(pfx|p12)\b/i.test(line))).toEqual([]);
  });

  it('README says how to make a signed build and why the e2e tests use the unpacked build', () => {
    const readme = read('README.md');
    const section = readme.slice(readme.indexOf('## Building the Windows installer'));
    expect(section).toContain('WIN_CSC_LINK');
    expect(section).toContain('WIN_CSC_KEY_PASSWORD');
    expect(section).toContain('npm run dist:win');
    expect(section).toMatch(/fuse/i);
    expect(section).toMatch(/Playwright/);
  });

  it('has an application icon of at least 256×256', () => {
    const icon = readFileSync(join(root, config.win.icon ?? 'build/icon.png'));
    expect(icon.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(icon.readUInt32BE(16)).toBeGreaterThanOrEqual(256); // IHDR width
    expect(icon.readUInt32BE(20)).toBeGreaterThanOrEqual(256); // IHDR height
  });
});

/** Every module specifier a file names in an import, export … from, import() or require(). */
function importsOf(text: string): string[] {
  const specifiers: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"\n]+)['"]/g;
  for (const match of text.matchAll(pattern)) specifiers.push(match[1]!);
  return specifiers;
}

function sourceFiles(dir: string, skip: (path: string) => boolean = () => false): string[] {
  const out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (name === 'node_modules' || skip(path)) continue;
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path, skip));
    else if (/\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/.test(name)) out.push(path);
  }
  return out;
}

const nodeBuiltins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

describe('runtime boundaries', () => {
  it("nothing under main/ outside main/electron/ imports 'electron'", () => {
    const electronDir = join(root, 'main', 'electron');
    const files = sourceFiles(join(root, 'main'), (p) => p === electronDir);
    expect(files).toContain(join(root, 'main', 'db', 'connection.ts'));
    const offenders = files
      .filter((file) => importsOf(readFileSync(file, 'utf8')).some((s) => s === 'electron' || s.startsWith('electron/')))
      .map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });

  it('nothing in the renderer imports Node, SQLite or Electron', () => {
    // Build configuration (vite.config.ts and the like) runs in Node at build time, not in the page.
    const isBuildConfig = (p: string) => /\.config\.[cm]?[jt]s$/.test(p) && relative(join(root, 'renderer'), p).split(sep).length === 1;
    const offenders = sourceFiles(join(root, 'renderer'), isBuildConfig).flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .filter((s) => s.startsWith('node:') || nodeBuiltins.has(s.split('/')[0]!) || s === 'better-sqlite3' || s === 'electron')
        .map((s) => `${relative(root, file)} imports ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the import scanner sees every form of import', () => {
    const text = `import a from 'fs';\nimport { b } from "node:path";\nimport 'electron';\nexport * from './x';\nconst c = require('better-sqlite3');\nconst d = await import('os');\n// this file imports 'nothing' in prose`;
    expect(importsOf(text)).toEqual(['fs', 'node:path', 'electron', './x', 'better-sqlite3', 'os']);
  });
});
