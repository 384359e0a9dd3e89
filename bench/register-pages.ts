/**
 * npx tsx bench/register-pages.ts [--db FILE] [--years 10] [--only decisions-docx,performance-docx,...] [--out-dir DIR]
 *
 * The page counts of docs/exports.md ("Registers that read at any size"), reproduced: builds
 * the synthetic workspace (bench/generate.ts; ten years unless --years says otherwise, or the
 * copy of --db, which is not changed), writes each register through the command line as a
 * clerk would (npm run cli -- export …), renders it to PDF with LibreOffice and counts the
 * pages with pdfinfo. Prints one line per document as it finishes (LibreOffice takes minutes
 * over the large ones: about 20 for the ten-year action log in Word), then a table, and writes
 * bench/results/register-pages.json. CI renders one year only
 * (test/integration/registers-render.test.ts); this is for the ten.
 *
 * Documents (the --only names, run in the order given): decisions-docx, decisions-xlsx, actions-docx, actions-xlsx,
 * performance-docx, funding-docx, minutes-docx (the meeting that agreed most actions).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { FIXTURE_TODAY, generateWorkspace } from './generate';

interface DocumentSpec {
  name: string;
  what: string;
  file: string;
  args: (db: string, out: string, busiestMeeting: number) => string[];
}

const LAST_YEAR = '2024/25';

const DOCUMENTS: DocumentSpec[] = [
  { name: 'decisions-docx', what: 'Decisions log (.docx)', file: 'decisions.docx', args: (db, out) => ['export', 'decisions', '--db', db, '--out', out] },
  { name: 'decisions-xlsx', what: 'Decisions log (.xlsx, printed register columns A–J)', file: 'decisions.xlsx', args: (db, out) => ['export', 'decisions', '--db', db, '--out', out] },
  { name: 'actions-docx', what: 'Action log, every board (.docx)', file: 'actions.docx', args: (db, out) => ['export', 'action-log', '--db', db, '--out', out] },
  { name: 'actions-xlsx', what: 'Action log, every board (.xlsx, printed register columns A–K)', file: 'actions.xlsx', args: (db, out) => ['export', 'action-log', '--db', db, '--out', out] },
  { name: 'performance-docx', what: 'Performance report (.docx)', file: 'performance.docx', args: (db, out) => ['export', 'performance', '--db', db, '--as-at', FIXTURE_TODAY, '--format', 'docx', '--out', out] },
  { name: 'funding-docx', what: `Funding summary ${LAST_YEAR} (.docx)`, file: 'funding.docx', args: (db, out) => ['export', 'funding', '--db', db, '--year', LAST_YEAR, '--format', 'docx', '--out', out] },
  { name: 'minutes-docx', what: 'Minutes of the busiest meeting (.docx)', file: 'minutes.docx', args: (db, out, meeting) => ['export', 'minutes', '--db', db, '--meeting', String(meeting), '--out', out] },
];

interface Result {
  name: string;
  what: string;
  pages: number;
  exportSeconds: number;
  renderSeconds: number;
}

function seconds(since: number): number {
  return Math.round((performance.now() - since) / 100) / 10;
}

function main(): void {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, years: { type: 'string', default: '10' }, only: { type: 'string' }, 'out-dir': { type: 'string' } },
  });
  const only = values.only ? values.only.split(',').map((s) => s.trim()) : DOCUMENTS.map((d) => d.name);
  const unknown = only.filter((n) => !DOCUMENTS.some((d) => d.name === n));
  if (unknown.length) throw new Error(`--only: unknown ${unknown.join(', ')} (one of: ${DOCUMENTS.map((d) => d.name).join(', ')})`);
  const dir = values['out-dir'] ? resolve(values['out-dir']) : mkdtempSync(join(tmpdir(), 'register-pages-'));
  mkdirSync(dir, { recursive: true });
  const db = join(dir, 'workspace.db');
  const years = Number(values.years);
  let source: string;
  if (values.db) {
    copyFileSync(resolve(values.db), db);
    source = `a copy of ${values.db}`;
  } else {
    const started = performance.now();
    const made = generateWorkspace(db, { years, auditTrail: false });
    source = `bench/generate.ts --years ${years} (seed ${made.seed}), built in ${seconds(started)} s`;
  }
  const counts = new Database(db, { readonly: true });
  const count = (table: string) => (counts.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const workspace = { decisions: count('decision'), actions: count('action'), indicators: count('indicator'), meetings: count('meeting') };
  const busiest = (counts.prepare('SELECT meeting_id AS id FROM action WHERE meeting_id IS NOT NULL GROUP BY meeting_id ORDER BY count(*) DESC, meeting_id LIMIT 1').get() as { id: number }).id;
  counts.close();
  console.log(`Workspace: ${source}; ${workspace.decisions} decisions, ${workspace.actions} actions, ${workspace.indicators} indicators. Files in ${dir}.`);

  const cli = resolve(import.meta.dirname, '..', 'main', 'cli.ts');
  const tsx = resolve(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');
  const results: Result[] = [];
  // In the order asked for, so the slow ones can go last.
  for (const doc of only.map((n) => DOCUMENTS.find((d) => d.name === n)!)) {
    const out = join(dir, doc.file);
    let started = performance.now();
    execFileSync(tsx, [cli, ...doc.args(db, out, busiest)], { stdio: ['ignore', 'ignore', 'inherit'] });
    const exportSeconds = seconds(started);
    started = performance.now();
    // Its own LibreOffice profile, so the run does not wait on (or disturb) one already open.
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, '.lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, out], { stdio: 'ignore', timeout: 3_600_000 });
    const pdf = join(dir, basename(out).replace(/\.[^.]+$/, '.pdf'));
    if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${out}`);
    // decisions.docx and decisions.xlsx would both become decisions.pdf: keep each under its own name.
    const kept = join(dir, `${doc.name}.pdf`);
    copyFileSync(pdf, kept);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [kept], { encoding: 'utf8' }))?.[1] ?? 0);
    const renderSeconds = seconds(started);
    results.push({ name: doc.name, what: doc.what, pages, exportSeconds, renderSeconds });
    console.log(`${doc.what}: ${pages} pages (export ${exportSeconds} s, LibreOffice ${renderSeconds} s)`);
  }

  console.log('\n| Document | Pages | Export (s) | LibreOffice (s) |\n| --- | --- | --- | --- |');
  for (const r of results) console.log(`| ${r.what} | ${r.pages.toLocaleString('en-GB')} | ${r.exportSeconds} | ${r.renderSeconds} |`);
  const resultsDir = resolve(import.meta.dirname, 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(
    join(resultsDir, 'register-pages.json'),
    `${JSON.stringify({ ranAt: new Date().toISOString(), source, workspace, libreOffice: execFileSync('soffice', ['--version'], { encoding: 'utf8' }).trim(), results }, null, 2)}\n`,
  );
}

main();
