// npm test: types and lint, unit and integration tests (vitest, both its projects: sqlite and
// postgres), the build, then the end-to-end tests (Playwright in Chromium, both its projects:
// every spec on SQLite, the people, meetings and funding specs again on PostgreSQL; the
// Electron one skips itself, with its reason, where no Electron binary is installed, and the
// postgres ones where PostgreSQL is not). Ends with one plain summary line over all of them:
// "N passed, N failed, N skipped" (each report's totals already span all its projects).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const tmp = '.tmp';
mkdirSync(tmp, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let ok = true;

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
  console.log(`=== ${label}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (r.status !== 0) ok = false;
  return r.status === 0;
}

const bin = (name) => join('node_modules', '.bin', name);

run('types', bin('tsc'), ['--noEmit', '-p', '.']);
run('lint', bin('eslint'), ['.']);

const vitestJson = join(tmp, 'vitest.json');
rmSync(vitestJson, { force: true });
run('unit and integration', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  totals.passed += v.numPassedTests;
  totals.failed += v.numFailedTests;
  totals.skipped += v.numPendingTests + (v.numTodoTests ?? 0);
} else ok = false;

if (run('build', 'node', ['scripts/build.mjs'])) {
  const pwJson = join(tmp, 'playwright.json');
  rmSync(pwJson, { force: true });
  run('end to end', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
  if (existsSync(pwJson)) {
    const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats;
    totals.passed += s.expected + (s.flaky ?? 0);
    totals.failed += s.unexpected;
    totals.skipped += s.skipped;
  } else ok = false;
}

if (!ok && totals.failed === 0) totals.failed = 1; // a step failed outside any test (types, lint, build)
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok ? 0 : 1);
