import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentHeader } from '../../main/api/bridge-downloads';
import { startBridge, type Bridge } from '../../main/api/http-bridge';
import { paragraphs, readDocx } from '../helpers/documents';
import { bridgeRequest, type BridgeAnswer } from '../helpers/bridge-request';
import { tempDir } from '../helpers/workspace';

const raw = bridgeRequest;

async function withBridge(fn: (bridge: Bridge, dir: string) => Promise<void>) {
  const dir = tempDir();
  const site = join(dir, 'renderer');
  mkdirSync(site);
  writeFileSync(join(site, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  const bridge = await startBridge({ dbPath: join(dir, 'ws.db'), staticDir: site, bridgeScript: join(dir, 'bridge.js'), log: () => {} });
  try {
    await fn(bridge, dir);
  } finally {
    await bridge.close();
  }
}

const json = (a: BridgeAnswer) => JSON.parse(a.text) as { ok: boolean; value?: Record<string, unknown>; error?: Record<string, unknown> };

describe('window.files over the browser bridge: an export becomes a download', () => {
  it('POST /files/export/<op> writes the file, GET /files/download/<token> serves the same bytes as an attachment', async () => {
    let folder = '';
    await withBridge(async (bridge, dir) => {
      const exported = await raw(bridge, '/files/export/action.exportLog', { method: 'POST', json: { input: { format: 'docx' }, suggestedName: 'Action log — Strategic Board 16/06/2020.docx' } });
      expect(exported.status).toBe(200);
      const envelope = json(exported);
      expect(envelope).toMatchObject({ ok: true, value: { name: 'Action log — Strategic Board 16-06-2020.docx', folder: null } });
      const token = envelope.value!.token as string;
      const written = (envelope.value!.result as { path: string }).path;
      // <tmp>/board-secretariat-downloads-XXXXXX/<n>/<name>
      folder = join(written, '..', '..');
      expect(folder).toMatch(/board-secretariat-downloads-\w{6}$/);
      expect(written.startsWith(dir)).toBe(false);

      const got = await raw(bridge, `/files/download/${token}`);
      expect(got.status).toBe(200);
      expect(got.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(got.headers['content-disposition']).toBe(
        `attachment; filename="Action log _ Strategic Board 16-06-2020.docx"; filename*=UTF-8''Action%20log%20%E2%80%94%20Strategic%20Board%2016-06-2020.docx`,
      );
      expect(got.body.equals(readFileSync(written))).toBe(true);
      expect(got.body.length).toBe(envelope.value!.bytes);
      const saved = join(dir, 'downloaded.docx');
      writeFileSync(saved, got.body);
      expect(paragraphs((await readDocx(saved)).document).map((p) => p.text)).toContain('Action log');

      // Two exports with one name are two files.
      const again = json(await raw(bridge, '/files/export/action.exportLog', { method: 'POST', json: { input: { format: 'docx' }, suggestedName: 'Action log — Strategic Board 16/06/2020.docx' } }));
      expect((again.value!.result as { path: string }).path).not.toBe(written);
      expect(again.value!.token).not.toBe(token);
    });
    // Closing the bridge removes its downloads folder.
    expect(folder).not.toBe('');
    expect(existsSync(folder)).toBe(false);
  });

  it('refuses a non-export operation, an input that names the file, and an unknown token', async () => {
    await withBridge(async (bridge) => {
      expect(json(await raw(bridge, '/files/export/organisation.create', { method: 'POST', json: { input: { name: 'Kent Police', kind: 'police' }, suggestedName: 'x.docx' } }))).toMatchObject({
        ok: false,
        error: { code: 'files.notExport' },
      });
      expect((bridge.store.sqlite!.prepare('SELECT count(*) AS n FROM organisation').get() as { n: number }).n).toBe(0);
      expect(json(await raw(bridge, '/files/export/action.exportLog', { method: 'POST', json: { input: { format: 'docx', out: '/tmp/x.docx' }, suggestedName: 'x.docx' } }))).toMatchObject({
        ok: false,
        error: { code: 'files.outRefused', field: 'out' },
      });
      expect(json(await raw(bridge, '/files/export/action.exportLog', { method: 'POST', json: { suggestedName: 'x.docx' } }))).toMatchObject({ ok: false, error: { code: 'validation' } });
      const unknown = await raw(bridge, '/files/download/not-a-token');
      expect(unknown.status).toBe(404);
      expect(unknown.headers['content-disposition']).toBeUndefined();
      expect((await raw(bridge, '/files/export/action.exportLog')).status).toBe(405);
    });
  });

  it('checks Host and Origin on the download routes as on the API', async () => {
    await withBridge(async (bridge) => {
      const body = { method: 'POST', json: { input: { format: 'docx' }, suggestedName: 'log.docx' } };
      expect((await raw(bridge, '/files/export/action.exportLog', { ...body, host: 'evil.example:80' })).status).toBe(421);
      expect((await raw(bridge, '/files/export/action.exportLog', { ...body, origin: 'http://evil.example' })).status).toBe(403);
      const token = json(await raw(bridge, '/files/export/action.exportLog', body)).value!.token as string;
      const wrongHost = await raw(bridge, `/files/download/${token}`, { host: 'evil.example:80' });
      expect(wrongHost.status).toBe(421);
      expect(wrongHost.body.toString()).toBe('Wrong host');
      expect((await raw(bridge, `/files/download/${token}`, { origin: 'http://evil.example' })).status).toBe(403);
      expect((await raw(bridge, `/files/download/${token}`, { host: `localhost:${bridge.port}` })).status).toBe(200);
    });
  });

  it('names any file safely in Content-Disposition', () => {
    expect(attachmentHeader('a "quoted" name.docx')).toBe(`attachment; filename="a _quoted_ name.docx"; filename*=UTF-8''a%20%22quoted%22%20name.docx`);
    expect(attachmentHeader("Bob's (draft).xlsx")).toBe(`attachment; filename="Bob's (draft).xlsx"; filename*=UTF-8''Bob%27s%20%28draft%29.xlsx`);
  });
});
