// Builds the three Electron targets and the test bridge into out/:
//   out/main/index.cjs      main process (Node, CommonJS; electron and the native better-sqlite3 stay external)
//   out/preload/index.cjs   preload: ONE self-contained CommonJS file (a sandboxed preload can require
//                           only 'electron' and a few built-ins, so everything else is bundled in)
//   out/bridge/bridge.js    window.api over fetch, for the loopback test bridge (skipped if absent)
//   out/renderer/           the React app, by Vite (skipped, with a message, until its config exists)
// Usage: node scripts/build.mjs   (exits non-zero on any failure)
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleTargets, root } from './bundles.mjs';

const at = (...parts) => join(root, ...parts);
const targets = bundleTargets(at('out'));

function fail(message) {
  console.error(`build: ${message}`);
  process.exit(1);
}

const started = Date.now();
for (const dir of ['main', 'preload', 'bridge']) rmSync(at('out', dir), { recursive: true, force: true });

for (const target of targets) {
  if (target.optional && !existsSync(at(target.optional))) {
    console.log(`build: ${target.optional} does not exist yet; skipping the ${target.name} bundle.`);
    continue;
  }
  const t0 = Date.now();
  try {
    await build(target.options);
  } catch (err) {
    // esbuild has already printed the errors with file and line.
    fail(`the ${target.name} bundle failed${err?.errors?.length ? '' : `: ${err?.message ?? err}`}`);
  }
  console.log(`build: ${target.name} → ${target.options.outfile.slice(root.length + 1)} (${Date.now() - t0} ms)`);
}

const viteConfig = 'renderer/vite.config.ts';
if (!existsSync(at(viteConfig))) {
  console.log(`build: ${viteConfig} does not exist yet; skipping the renderer (out/renderer will be missing).`);
} else {
  const vite = at('node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) fail('vite is not installed (run npm ci).');
  const t0 = Date.now();
  const result = spawnSync(process.execPath, [vite, 'build', '--config', viteConfig], { cwd: root, stdio: 'inherit' });
  if (result.error) fail(`could not run vite: ${result.error.message}`);
  if (result.status !== 0) fail(`vite build exited with ${result.status ?? result.signal}`);
  console.log(`build: renderer → out/renderer (${Date.now() - t0} ms)`);
}

console.log(`build: done in ${Date.now() - started} ms`);
