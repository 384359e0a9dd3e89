import { readFileSync, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Store } from '../db/store';
import type { PasswordVault } from '../workspace/password-vault';
import { openStore } from '../workspace/open-store';
import { startDailyBackups } from '../workspace/backup-schedule';
import { BridgeDownloads, attachmentHeader } from './bridge-downloads';
import { dispatch, type Session } from './dispatch';
import { CONTENT_SECURITY_POLICY, contentType, resolveInside } from './static-files';

/**
 * The loopback bridge: the real renderer, served to a browser, with window.api carried
 * over HTTP to the real dispatcher and a real SQLite file. Used by the end-to-end tests
 * and `npm run serve`; the Electron app uses IPC instead. Listens on 127.0.0.1 only and
 * refuses requests whose Host or Origin is not its own (DNS rebinding).
 */
export interface BridgeOptions {
  dbPath: string;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** The built window.api shim (out/bridge/bridge.js). */
  bridgeScript?: string;
  port?: number;
  actor?: string;
  now?: () => Date;
  log?: Session['log'];
  /** Where PostgreSQL passwords typed into Open another workspace are kept (nodeVault); without one, each is used once. */
  vault?: PasswordVault;
}

export interface Bridge {
  url: string;
  port: number;
  /** The session's current workspace (workspace.reopen replaces it). */
  readonly store: Store;
  close(): Promise<void>;
}

const MAX_BODY = 20 * 1024 * 1024;

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...extra });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        fail(new Error('too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  // The file's quick check runs in a worker once the bridge serves (as in the desktop app).
  const store = await openStore(options.dbPath, { verify: 'later' });
  const session: Session = { store, actor: options.actor ?? 'browser', log: options.log ?? ((m, e) => console.error(m, e)) };
  if (options.now) session.now = options.now;
  if (options.vault) session.vault = options.vault;
  // Just after the workspace is usable, then hourly; close() stops it and waits for a running one.
  const dailyBackups = startDailyBackups(() => session.store.sqlite, () => (session.now ?? (() => new Date()))(), session.log!);
  const staticDir = resolve(options.staticDir);
  const bridgeScript = options.bridgeScript ?? resolve(staticDir, '..', 'bridge', 'bridge.js');
  const downloads = new BridgeDownloads(session);
  let port = 0;
  const hosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      session.log?.('bridge error', err);
      if (!res.headersSent) send(res, 500, 'Internal error', 'text/plain');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hosts().has(req.headers.host ?? '')) return send(res, 421, 'Wrong host', 'text/plain');
    const origin = req.headers.origin;
    if (origin !== undefined && !hosts().has(origin.replace(/^http:\/\//, ''))) return send(res, 403, 'Wrong origin', 'text/plain');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    // window.api (/api/<op>) and window.files' exports (/files/export/<op>): JSON in, an envelope out.
    // /api/ is a screen's road: a write must carry what the page read (`version`…: dispatch's Caller).
    const apiPrefix = url.pathname.startsWith('/api/') ? '/api/' : url.pathname.startsWith('/files/export/') ? '/files/export/' : null;
    if (apiPrefix !== null) {
      if (req.method !== 'POST') return send(res, 405, 'POST only', 'text/plain', { allow: 'POST' });
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'JSON only', 'text/plain');
      const name = decodeURIComponent(url.pathname.slice(apiPrefix.length));
      let input: unknown;
      try {
        const text = await readBody(req);
        input = text === '' ? {} : JSON.parse(text);
      } catch {
        return send(res, 400, JSON.stringify({ ok: false, error: { code: 'validation', message: 'The request was not valid JSON.' } }), 'application/json');
      }
      const envelope = apiPrefix === '/api/' ? await dispatch(session, name, input, 'screen') : await downloads.export(name, input);
      return send(res, 200, JSON.stringify(envelope), 'application/json; charset=utf-8');
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'GET only', 'text/plain', { allow: 'GET, HEAD' });
    if (url.pathname.startsWith('/files/download/')) {
      const file = downloads.download(decodeURIComponent(url.pathname.slice('/files/download/'.length)));
      if (file === null) return send(res, 404, 'No such download: export the file again.', 'text/plain');
      return send(res, 200, file.bytes, file.type, { 'content-disposition': attachmentHeader(file.name) });
    }
    if (url.pathname === '/bridge.js') {
      if (!existsSync(bridgeScript)) return send(res, 500, `Bridge script missing: run npm run build (${bridgeScript})`, 'text/plain');
      return send(res, 200, readFileSync(bridgeScript), 'text/javascript; charset=utf-8');
    }
    const file = resolveInside(staticDir, url.pathname);
    if (!file || !existsSync(file) || !statSync(file).isFile()) return send(res, 404, 'Not found', 'text/plain');
    if (file.endsWith('.html')) {
      // The shim must define window.api before the app's module script runs.
      const html = readFileSync(file, 'utf8').replace(/<script/i, '<script src="/bridge.js"></script>\n    <script');
      return send(res, 200, html, 'text/html; charset=utf-8', { 'content-security-policy': CONTENT_SECURITY_POLICY });
    }
    return send(res, 200, readFileSync(file), contentType(file));
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    get store() {
      return session.store;
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => {
          void dailyBackups.stop().then(() => {
            void session.store.close().finally(() => {
              downloads.close();
              ok();
            });
          });
        });
      }),
  };
}
