import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import JSZip from 'jszip';
import type { Envelope, InputOf, OpName, ResultOf } from '../../main/api/contract';
import { download, expect, test, type TestWorkspace } from './fixtures';

/**
 * Issue 12's "Done means" for exports: a minutes document through the download path, read
 * back; and an export pointed at the workspace itself, refused with the workspace intact.
 */
async function apiCall<K extends OpName>(page: Page, workspace: TestWorkspace, name: K, input: InputOf<K>): Promise<ResultOf<K>> {
  const res = await page.request.post(`${workspace.bridge.url}api/${name}`, { data: input });
  const envelope = (await res.json()) as Envelope<ResultOf<K>>;
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
  return envelope.value;
}

const shots = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
function shot(name: string): string {
  mkdirSync(shots, { recursive: true });
  return join(shots, `${name}.png`);
}

/** The workspace's bytes, after folding the WAL into it so nothing the app wrote is left outside. */
function workspaceHash(workspace: TestWorkspace): string {
  workspace.bridge.store.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
  return createHash('sha256').update(readFileSync(workspace.dbPath)).digest('hex');
}

async function januaryBoard(page: Page, workspace: TestWorkspace) {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  const meetings = (await apiCall(page, workspace, 'meeting.list', {})).rows;
  return meetings.find((m) => m.startsAt.startsWith('2020-01-23'))!;
}

test('the minutes are exported through the download path and read back', async ({ app: page, workspace }) => {
  const meeting = await januaryBoard(page, workspace);
  await page.goto(`${workspace.bridge.url}#/meetings/${meeting.id}`);
  const documents = page.getByRole('region', { name: 'Documents' });
  await documents.getByRole('radio', { name: 'Minutes (.docx)' }).check();
  await expect(documents.locator('.export-file-name')).toHaveText('Minutes — Kent & Medway VRU Strategic Board 23-01-2020.docx');
  await documents.scrollIntoViewIfNeeded();
  await documents.screenshot({ path: shot('exports-01-before') });
  const minutes = await download(page, documents.getByRole('button', { name: 'Export minutes' }), workspace.dir);
  await expect(documents.getByRole('status')).toHaveText(/^Downloaded Minutes — Kent & Medway VRU Strategic Board 23-01-2020\.docx \(\d+ KB\)\. \d+ agenda items\.$/);
  await documents.screenshot({ path: shot('exports-02-after') });

  expect(minutes.name).toBe('Minutes — Kent & Medway VRU Strategic Board 23-01-2020.docx');
  const zip = await JSZip.loadAsync(readFileSync(minutes.path));
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml).toContain('Draft minutes');
  expect(xml).toContain('Present');
  expect(await zip.file('docProps/core.xml')!.async('string')).toContain('minutes');
});

test('window.files refuses what the page may not ask, and says Open is the desktop’s', async ({ app: page, workspace }) => {
  const meeting = await januaryBoard(page, workspace);
  const before = workspaceHash(workspace);
  const answers = await page.evaluate(
    async ({ id, dbPath }) => ({
      withOut: await window.files.saveExport('meeting.exportMinutes', { id, out: dbPath } as never, 'Minutes.docx'),
      notExport: await window.files.saveExport('person.list' as never, {} as never, 'x.docx'),
      open: await window.files.openExported('anything'),
      where: window.files.where,
    }),
    { id: meeting.id, dbPath: workspace.dbPath },
  );
  expect(answers.withOut).toMatchObject({ ok: false, error: { code: 'files.outRefused', field: 'out' } });
  expect(answers.notExport).toMatchObject({ ok: false, error: { code: 'files.notExport' } });
  expect(answers.open).toMatchObject({ ok: false, error: { code: 'files.browserOnly' } });
  expect(answers.where).toBe('browser');
  expect(workspaceHash(workspace)).toBe(before);
  expect((await apiCall(page, workspace, 'person.list', {})).length).toBeGreaterThan(0);
});

test('an export pointed at the open workspace through the bridge is refused, and the workspace is intact', async ({ app: page, workspace }) => {
  const meeting = await januaryBoard(page, workspace);
  const before = workspaceHash(workspace);
  const size = statSync(workspace.dbPath).size;
  const answer = await page.evaluate(({ id, out }) => window.api.meeting.exportMinutes({ id, out }), { id: meeting.id, out: workspace.dbPath });
  expect(answer.ok).toBe(false);
  if (!answer.ok) expect(answer.error.field).toBe('out');
  // The same file under a name the schema accepts: only the write's own guard stops this one.
  const link = join(workspace.dir, 'Minutes.docx');
  symlinkSync(workspace.dbPath, link);
  const throughLink = await page.evaluate(({ id, out }) => window.api.meeting.exportMinutes({ id, out }), { id: meeting.id, out: link });
  expect(throughLink).toMatchObject({ ok: false, error: { code: 'file.isWorkspace', field: 'out' } });
  expect(statSync(workspace.dbPath).size).toBe(size);
  expect(workspaceHash(workspace)).toBe(before);
  // Still the app's workspace: it answers, and the page still works.
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await page.goto(`${workspace.bridge.url}#/meetings/${meeting.id}`);
  await expect(page.getByRole('heading', { level: 1, name: /Kent & Medway VRU Strategic Board: Thursday 23 January 2020/ })).toBeVisible();
});

// The guard is in the write (main/documents/write-guard.ts): the schema refuses a .db name, and
// the write refuses the workspace under an .xlsx name (a link to it).
test('the issue’s own case: the funding summary as .xlsx over the workspace is refused, and the workspace is intact', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  const before = workspaceHash(workspace);
  const answer = await page.evaluate((out) => window.api.funding.exportSummary({ financialYear: '2019/20', format: 'xlsx', out }), workspace.dbPath);
  expect(answer.ok).toBe(false);
  const link = join(workspace.dir, 'Funding summary.xlsx');
  symlinkSync(workspace.dbPath, link);
  const throughLink = await page.evaluate((out) => window.api.funding.exportSummary({ financialYear: '2019/20', format: 'xlsx', out }), link);
  expect(throughLink).toMatchObject({ ok: false, error: { code: 'file.isWorkspace', field: 'out' } });
  expect(existsSync(workspace.dbPath)).toBe(true);
  expect(readFileSync(workspace.dbPath).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
  expect(workspaceHash(workspace)).toBe(before);
  expect((await apiCall(page, workspace, 'fundingStream.list', {})).length).toBeGreaterThan(0);
});

test('the desktop look: "Saved … to <folder>" with Open and Show in folder, which pass the token back', async ({ page, workspace, browserErrors }) => {
  void browserErrors;
  // The page as the preload would give it: window.files says 'desktop' and names the folder
  // (here the bridge still writes the file); Open and Show in folder record the token they get.
  await page.addInitScript(() => {
    let files: Record<string, unknown> = {};
    const calls: string[] = [];
    Object.defineProperty(window, 'files', {
      configurable: true,
      get: () => files,
      set(bridge: { saveExport(op: string, input: unknown, name: string): Promise<{ ok: boolean; value?: { folder: string | null } }> }) {
        files = {
          where: 'desktop',
          async saveExport(op: string, input: unknown, name: string) {
            const answer = await bridge.saveExport(op, input, name);
            if (answer.ok && answer.value) answer.value.folder = 'C:\\Users\\jo\\Documents\\Board';
            return answer;
          },
          openExported: async (token: string) => (calls.push(`open ${token}`), await Promise.resolve({ ok: true, value: null })),
          showExported: async (token: string) => (calls.push(`show ${token}`), await Promise.resolve({ ok: true, value: null })),
        };
      },
    });
    (window as unknown as { fileCalls: string[] }).fileCalls = calls;
  });
  await page.goto(workspace.bridge.url);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  const meeting = await januaryBoard(page, workspace);
  await page.goto(`${workspace.bridge.url}#/meetings/${meeting.id}`);
  const documents = page.getByRole('region', { name: 'Documents' });
  await documents.getByRole('radio', { name: 'Minutes (.docx)' }).check();
  const name = 'Minutes — Kent & Medway VRU Strategic Board 23-01-2020.docx';
  await download(page, documents.getByRole('button', { name: 'Export minutes' }), workspace.dir);
  await expect(documents.getByRole('status')).toHaveText(new RegExp(`^Saved ${name.replace(/[.]/g, '\\.')} \\(\\d+ KB\\) to C:\\\\Users\\\\jo\\\\Documents\\\\Board\\. \\d+ agenda items\\.$`));
  await documents.getByRole('button', { name: `Open ${name}` }).click();
  await documents.getByRole('button', { name: `Show ${name} in its folder` }).click();
  const calls = await page.evaluate(() => (window as unknown as { fileCalls: string[] }).fileCalls);
  expect(calls).toHaveLength(2);
  expect(calls[0]).toMatch(/^open [0-9a-f-]{36}$/);
  expect(calls[1]).toBe(calls[0]!.replace('open', 'show'));
  await documents.screenshot({ path: shot('exports-03-desktop-saved') });
});

test('a Record of Decision is downloaded once its warnings are accepted, and read back', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  // The demo's notice is complete (its Record of Decision paper, its date): without its date,
  // the notice has a gap the secretariat must accept.
  const pcc = (await apiCall(page, workspace, 'decision.list', { from: null, to: null })).rows.find((d) => d.reference === 'PCC-D-2019-001')!;
  await apiCall(page, workspace, 'decision.update', { id: pcc.id, version: pcc.version, decidedOn: null });
  await page.goto(`${workspace.bridge.url}#/decisions`);
  await page.getByRole('button', { name: 'PCC-D-2019-001' }).click();
  const dialog = page.getByRole('dialog', { name: /PCC-D-2019-001/ });
  let downloads = 0;
  page.on('download', () => downloads++);
  await dialog.getByRole('button', { name: 'Decision notice (.docx)' }).click();
  // No decision date yet: nothing is written until the secretariat accepts that.
  await expect(dialog.getByRole('status')).toContainText('Choose “Write notice anyway”');
  expect(downloads).toBe(0);
  const notice = await download(page, dialog.getByRole('button', { name: 'Write notice anyway' }), workspace.dir);
  expect(notice.name).toBe('Record of Decision PCC-D-2019-001.docx');
  await expect(dialog.getByRole('status')).toHaveText(/^Downloaded Record of Decision PCC-D-2019-001\.docx \(\d+ KB\)\.$/);
  await expect(dialog.getByRole('button', { name: /^Open / })).toHaveCount(0);
  const xml = await (await JSZip.loadAsync(readFileSync(notice.path))).file('word/document.xml')!.async('string');
  expect(xml).toContain('PCC-D-2019-001');
  expect(xml).toContain('Violence Reduction Fund established');
});
