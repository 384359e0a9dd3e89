import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/api/static-files';
import { APP_START_URL, isAppUrl } from '../../main/electron/app-url';
import { serveBundleFile } from '../../main/electron/bundle-response';

// The parts of the Electron shell that decide what is "ours": plain functions, so they run here
// even though Electron itself cannot (main/electron/protocol.ts and ipc.ts only wire them up).

describe('isAppUrl (the IPC sender check and navigation guard)', () => {
  it.each([APP_START_URL, 'app://bundle/', 'app://bundle/assets/index-abc.js?x=1#top'])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });
  it.each([
    'app://bundle',
    'app://bundle.evil/index.html',
    'app://bundlex/index.html',
    'app://user@bundle/index.html',
    'app://other/index.html',
    'file:///C:/Users/x/index.html',
    'https://bundle/index.html',
    'http://127.0.0.1:5173/',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
  it('refuses a missing frame URL', () => {
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });
});

describe('serveBundleFile (app://bundle/ → out/renderer)', () => {
  const base = mkdtempSync(join(tmpdir(), 'board-secretariat-scheme-'));
  const root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Board Secretariat</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), 'outside the bundle');
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('serves the start page with its type and the Content-Security-Policy', async () => {
    const response = await serveBundleFile(root, 'GET', APP_START_URL);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Board Secretariat</title>');
  });

  it('serves index.html for the bare origin and scripts as JavaScript', async () => {
    expect((await serveBundleFile(root, 'GET', 'app://bundle/')).status).toBe(200);
    const script = await serveBundleFile(root, 'GET', 'app://bundle/assets/index-abc.js?v=2');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it.each([
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/..%2fsecret.txt',
    'app://bundle/assets/%2e%2e/%2e%2e/secret.txt',
    'app://bundle/%5c..%5csecret.txt',
    'app://bundle/missing.js',
    'app://bundle/assets',
    'app://other/index.html',
    'app://bundle.evil/index.html',
  ])('answers 404, with the CSP, for %s', async (url) => {
    const response = await serveBundleFile(root, 'GET', url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).not.toContain('outside the bundle');
  });

  it('serves GET and HEAD only', async () => {
    const head = await serveBundleFile(root, 'HEAD', APP_START_URL);
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await serveBundleFile(root, 'POST', APP_START_URL)).status).toBe(405);
  });
});
