// The esbuild bundles of the desktop app, shared by scripts/build.mjs (into out/) and the boot
// tests (test/unit/electron-boot.test.ts, electron-preload.test.ts), which build the same
// bundles from the current sources into a temp folder, so they never test a stale out/.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => join(root, ...parts);

const common = { bundle: true, sourcemap: true, logLevel: 'warning', absWorkingDir: root, legalComments: 'none' };

/** Modules the main bundle leaves to require() at run time: they ship in node_modules. */
export const MAIN_EXTERNALS = ['electron', 'better-sqlite3', '@resvg/resvg-js'];

/**
 * The bundles, written under `outDir` (out/ for the app):
 *   main/index.cjs      main process (Node, CommonJS; electron and the native modules stay external)
 *   preload/index.cjs   preload: ONE self-contained CommonJS file (a sandboxed preload can require
 *                       only 'electron' and a few built-ins, so everything else is bundled in)
 *   bridge/bridge.js    window.api over fetch, for the loopback test bridge (skipped if absent)
 */
export function bundleTargets(outDir = at('out')) {
  return [
    {
      name: 'main',
      options: {
        ...common,
        entryPoints: [at('main/electron/main.ts')],
        outfile: join(outDir, 'main', 'index.cjs'),
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        // better-sqlite3 loads its .node binary from node_modules (rebuilt for Electron when packaging);
        // @resvg/resvg-js (charts in the performance report) loads its platform's prebuilt binary.
        external: MAIN_EXTERNALS,
        // main/shared/package-require.ts asks for __filename first and reads import.meta.url only
        // where there is none (ES modules under tsx); in this CommonJS bundle that branch never runs.
        logOverride: { 'empty-import-meta': 'silent' },
      },
    },
    {
      name: 'preload',
      options: {
        ...common,
        entryPoints: [at('preload/index.ts')],
        outfile: join(outDir, 'preload', 'index.cjs'),
        // 'browser', not 'node': an accidental Node import fails the build here instead of the
        // sandboxed preload failing at run time. Only 'electron' may stay a require().
        platform: 'browser',
        format: 'cjs',
        target: 'chrome130',
        external: ['electron'],
      },
    },
    {
      name: 'bridge',
      optional: 'preload/web-bridge.ts',
      options: {
        ...common,
        entryPoints: [at('preload/web-bridge.ts')],
        outfile: join(outDir, 'bridge', 'bridge.js'),
        platform: 'browser',
        format: 'iife',
        target: 'chrome130',
      },
    },
  ];
}

/** Builds the named bundles into `outDir`; returns the files written, by bundle name. Throws on a build error. */
export async function buildBundles(outDir, names) {
  const written = {};
  for (const target of bundleTargets(outDir).filter((t) => names.includes(t.name))) {
    await build(target.options);
    written[target.name] = target.options.outfile;
  }
  return written;
}
