import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, operationNames } from '../../main/api/contract';
import { readAtFields } from '../../main/api/define';
import { startBridge, type Bridge } from '../../main/api/http-bridge';
import { bridgeRequest } from '../helpers/bridge-request';
import { tempDir } from '../helpers/workspace';

const raw = bridgeRequest;

async function withBridge(fn: (bridge: Bridge) => Promise<void>) {
  const dir = tempDir();
  const site = join(dir, 'renderer');
  mkdirSync(join(dir, 'bridge'), { recursive: true });
  mkdirSync(site);
  writeFileSync(join(site, 'index.html'), '<!doctype html><html><head><script type="module" src="./app.js"></script></head><body></body></html>');
  writeFileSync(join(site, 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'bridge', 'bridge.js'), 'window.api = {}');
  writeFileSync(join(dir, 'secret.txt'), 'do not serve');
  const bridge = await startBridge({ dbPath: join(dir, 'ws.db'), staticDir: site, log: () => {} });
  try {
    await fn(bridge);
  } finally {
    await bridge.close();
  }
}

describe('the loopback test bridge', () => {
  it('carries operations to the real dispatcher and SQLite file', async () => {
    await withBridge(async (bridge) => {
      const created = await raw(bridge, '/api/organisation.create', { method: 'POST', type: 'application/json', body: JSON.stringify({ name: 'Kent Police', kind: 'police' }) });
      expect(JSON.parse(created.text)).toMatchObject({ ok: true, value: { name: 'Kent Police' } });
      const bad = await raw(bridge, '/api/person.create', { method: 'POST', type: 'application/json', body: JSON.stringify({ givenName: 'A' }) });
      expect(JSON.parse(bad.text)).toMatchObject({ ok: false, error: { code: 'validation', field: 'familyName' } });
      const notJson = await raw(bridge, '/api/person.list', { method: 'POST', type: 'application/json', body: '{nope' });
      expect(JSON.parse(notJson.text)).toMatchObject({ ok: false, error: { code: 'validation' } });
      expect((bridge.store.sqlite!.prepare('SELECT count(*) AS n FROM organisation').get() as { n: number }).n).toBe(1);
    });
  });

  it('serves the renderer with the CSP and the api shim injected before the app', async () => {
    await withBridge(async (bridge) => {
      const page = await raw(bridge, '/');
      expect(page.status).toBe(200);
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.text.indexOf('/bridge.js')).toBeLessThan(page.text.indexOf('./app.js'));
      expect((await raw(bridge, '/bridge.js')).text).toBe('window.api = {}');
    });
  });

  it('refuses path traversal, foreign hosts and origins, and GETs of operations', async () => {
    await withBridge(async (bridge) => {
      expect((await raw(bridge, '/../secret.txt')).status).toBe(404);
      expect((await raw(bridge, '/%2e%2e/secret.txt')).status).toBe(404);
      expect((await raw(bridge, '/..%5csecret.txt')).status).toBe(404);
      expect((await raw(bridge, '/', { host: 'evil.example:80' })).status).toBe(421);
      expect((await raw(bridge, '/api/person.list', { method: 'POST', type: 'application/json', body: '{}', origin: 'http://evil.example' })).status).toBe(403);
      expect((await raw(bridge, '/api/person.list')).status).toBe(405);
      expect((await raw(bridge, '/api/person.list', { method: 'POST', type: 'text/plain', body: '{}' })).status).toBe(415);
    });
  });

  it('refuses every write a screen sends without what it read (`version`, `was`…), naming the field, and writes nothing', async () => {
    await withBridge(async (bridge) => {
      const post = async (op: string, input: unknown) => JSON.parse((await raw(bridge, `/api/${op}`, { method: 'POST', json: input })).text) as { ok: boolean; value?: { version: number; notes: string }; error?: { code: string; field?: string; message: string } };
      const reads = operationNames.filter((n) => readAtFields(contract[n]).length > 0);
      // Every edit of one record is among them (edit<R>() gives it `version`), and a new one joins by being declared.
      expect(operationNames.filter((n) => 'versions' in contract[n] && !reads.includes(n))).toEqual([]);
      expect(reads.length).toBeGreaterThan(35);
      for (const op of reads) {
        for (const path of readAtFields(contract[op])) {
          // Left out at the top (`version`), or from one element of a list (`cells.0.wasPence`), with everything before it sent.
          const [top, inner] = path.split('.') as [string, string | undefined];
          const sent = Object.fromEntries(readAtFields(contract[op]).filter((p) => !p.includes('.') && p !== top).map((p) => [p, 1]));
          const input = inner === undefined ? { id: 1, ...sent } : { ...sent, [top]: [{}] };
          const field = inner === undefined ? top : `${top}.0.${inner}`;
          const answer = await post(op, input);
          expect(answer.ok, op).toBe(false);
          expect(answer.error, `${op} ${path}`).toMatchObject({ code: 'validation', field });
          expect(answer.error!.message, op).toContain(`did not send \`${field}\``);
        }
      }
      expect(readAtFields(contract['spend.setCells'])).toEqual(['cells.wasPence']);
      const org = await post('organisation.create', { name: 'Kent Police', kind: 'police' });
      const id = (org.value as unknown as { id: number }).id;
      const refused = await post('organisation.update', { id, notes: 'no version' });
      expect(refused.error).toMatchObject({ code: 'validation', field: 'version' });
      const kept = await post('organisation.get', { id });
      expect(kept.value).toMatchObject({ version: 1, notes: '' });
      const saved = await post('organisation.update', { id, notes: 'read at 1', version: 1 });
      expect(saved.value).toMatchObject({ version: 2, notes: 'read at 1' });
    });
  });
});
