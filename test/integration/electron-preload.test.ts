import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationNames } from '../../main/api/contract';
import { API_CHANNEL, PRELOAD_GLOBALS } from '../../main/electron/api-channel';
import { buildBundles } from '../../scripts/bundles.mjs';

/**
 * out/preload/index.cjs, built from the current sources (scripts/bundles.mjs), run the way
 * Electron runs a sandboxed preload: in its own context, wrapped in a function whose `require`
 * offers only what Electron's sandbox gives a preload — electron's renderer modules (here the
 * two the app may use, contextBridge and ipcRenderer, as recording stand-ins), 'events',
 * 'timers' and 'url' — and with no Node globals but the polyfilled few (Buffer, process,
 * setImmediate, clearImmediate). Anything else the bundle asks for throws, as it would in the app.
 */

const nodeRequire = createRequire(import.meta.url);
const SANDBOX_MODULES = ['electron', 'events', 'timers', 'url'];
/** electron's members a preload of this app may use; reading any other throws. */
const ELECTRON_MEMBERS = ['contextBridge', 'ipcRenderer'];

interface Invocation {
  channel: string;
  args: unknown[];
}

const base = mkdtempSync(join(tmpdir(), 'board-secretariat-preload-'));
const exposed = new Map<string, unknown>();
const invocations: Invocation[] = [];
const ipcListeners: string[] = [];
const sends: string[] = [];
const required: string[] = [];
/** The preload's own Object.prototype (a vm context has its own built-ins). */
let contextObjectPrototype: unknown;

const ipcRendererStandIn = {
  invoke(channel: string, ...args: unknown[]) {
    invocations.push({ channel, args });
    return Promise.resolve({ ok: true, value: { echoed: args } });
  },
  send: (channel: string) => void sends.push(channel),
  sendSync: (channel: string) => void sends.push(channel),
  on: (channel: string) => void ipcListeners.push(channel),
  once: (channel: string) => void ipcListeners.push(channel),
};

function sandboxRequire(name: string): unknown {
  required.push(name);
  if (!SANDBOX_MODULES.includes(name)) throw new Error(`module not found: ${name} (a sandboxed preload can require only ${SANDBOX_MODULES.join(', ')})`);
  if (name !== 'electron') return nodeRequire(name);
  const electron = {
    contextBridge: {
      exposeInMainWorld(key: string, value: unknown) {
        if (exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
        exposed.set(key, value);
      },
    },
    ipcRenderer: ipcRendererStandIn,
  };
  return new Proxy(electron, {
    get(target, key) {
      if (typeof key === 'symbol' || key === '__esModule' || key === 'default') return undefined;
      if (!ELECTRON_MEMBERS.includes(key)) throw new Error(`The preload read electron.${key}, which this app's sandboxed preload may not use`);
      return target[key as keyof typeof target];
    },
  });
}

beforeAll(async () => {
  const { preload } = await buildBundles(join(base, 'out'), ['preload']);
  const source = readFileSync(preload!, 'utf8');
  // The page's own globals (a renderer is a browser page); no require, module, __dirname or global.
  const context = vm.createContext({ console, URL, URLSearchParams, TextEncoder, TextDecoder, queueMicrotask, setTimeout, clearTimeout, setInterval, clearInterval, structuredClone });
  vm.runInContext('globalThis.window = globalThis; globalThis.self = globalThis;', context);
  contextObjectPrototype = vm.runInContext('Object.prototype', context);
  // Electron's sandboxed preload wrapper: these are the only Node-ish names in scope.
  const wrapper = vm.runInContext(`(function (require, process, Buffer, global, setImmediate, clearImmediate, exports, module) {${source}\n})`, context, { filename: preload! }) as (...args: unknown[]) => void;
  const limitedProcess = { platform: process.platform, arch: process.arch, env: {}, versions: { ...process.versions }, type: 'renderer', sandboxed: true, contextIsolated: true };
  const module = { exports: {} };
  wrapper(sandboxRequire, limitedProcess, Buffer, context, setImmediate, clearImmediate, module.exports, module);
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Every path to a non-object leaf, e.g. "person.create", with the leaf's type; objects on the way must be plain. */
function leaves(value: unknown, prefix = ''): { path: string; type: string; value: unknown }[] {
  if (value === null || typeof value !== 'object') return [{ path: prefix, type: typeof value, value }];
  if (Object.getPrototypeOf(value) !== contextObjectPrototype) return [{ path: prefix, type: 'an object that is not plain (a class instance such as ipcRenderer)', value }];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

describe('the bundled preload in a sandboxed context', () => {
  it('requires nothing but what the sandbox offers', () => {
    expect(required.filter((name) => !SANDBOX_MODULES.includes(name))).toEqual([]);
    expect(required).toContain('electron');
  });

  it('exposes exactly the known globals, each made only of plain objects and functions', () => {
    expect([...exposed.keys()].sort()).toEqual([...PRELOAD_GLOBALS].sort());
    const ipcMembers = new Set(Object.values(ipcRendererStandIn));
    for (const [key, value] of exposed) {
      expect(Object.getPrototypeOf(value), `${key} is a plain object`).toBe(contextObjectPrototype);
      // Functions and plain values only: no ipcRenderer, none of its methods, no other live object.
      const unsafe = leaves(value)
        .filter((leaf) => !['function', 'string', 'number', 'boolean'].includes(leaf.type))
        .map((leaf) => `${leaf.path}: ${leaf.type}`);
      expect(unsafe, `${key} carries only functions and plain values`).toEqual([]);
      const leaked = leaves(value).filter((leaf) => ipcMembers.has(leaf.value as never)).map((leaf) => leaf.path);
      expect(leaked, `${key} hands out no ipcRenderer method itself`).toEqual([]);
    }
  });

  it('window.api has every operation of the contract, as api.area.method, and nothing else', () => {
    const api = exposed.get('api');
    expect(leaves(api).map((leaf) => leaf.path).sort()).toEqual([...operationNames].sort());
    expect(leaves(api).every((leaf) => leaf.type === 'function')).toBe(true);
    expect(operationNames.length).toBeGreaterThan(50);
  });

  it('an operation is one invoke on the api channel with (name, input), answered with what main answers', async () => {
    const api = exposed.get('api') as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
    const before = invocations.length;
    const name = operationNames.find((n) => n === 'person.create') ?? operationNames[0]!;
    const [area, method] = name.split('.') as [string, string];
    const input = { name: 'Jane Doe' };
    await expect(api[area]![method]!(input)).resolves.toEqual({ ok: true, value: { echoed: [name, input] } });
    expect(invocations.slice(before)).toEqual([{ channel: API_CHANNEL, args: [name, input] }]);
    await api.workspace!.info!();
    expect(invocations.at(-1)).toEqual({ channel: API_CHANNEL, args: ['workspace.info', {}] });
  });

  it('sends nothing and listens to nothing by itself', () => {
    expect(sends).toEqual([]);
    expect(ipcListeners).toEqual([]);
    expect(invocations.every((i) => i.channel === API_CHANNEL)).toBe(true);
  });

  it('the stand-in sandbox really refuses other modules (so the test above can fail)', () => {
    expect(() => sandboxRequire('fs')).toThrow(/module not found: fs/);
    expect(() => (sandboxRequire('electron') as Record<string, unknown>).shell).toThrow(/electron.shell/);
  });
});
