import { request } from 'node:http';
import type { Bridge } from '../../main/api/http-bridge';

export interface BridgeAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as sent (a download is compared byte for byte). */
  body: Buffer;
  /** The body as UTF-8 text. */
  text: string;
}

/**
 * One HTTP request to the loopback bridge, with the Host and Origin headers under the test's
 * control (the bridge refuses another host or origin): `json` is sent as application/json,
 * `body` with the content type given in `type`.
 */
export function bridgeRequest(
  bridge: Bridge,
  path: string,
  opts: { method?: string; host?: string; origin?: string; json?: unknown; body?: string; type?: string } = {},
): Promise<BridgeAnswer> {
  const body = opts.json !== undefined ? JSON.stringify(opts.json) : opts.body;
  const type = opts.json !== undefined ? 'application/json' : opts.type;
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        path,
        method: opts.method ?? 'GET',
        headers: {
          host: opts.host ?? `127.0.0.1:${bridge.port}`,
          ...(type ? { 'content-type': type } : {}),
          ...(opts.origin ? { origin: opts.origin } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const all = Buffer.concat(chunks);
          ok({ status: res.statusCode ?? 0, headers: res.headers, body: all, text: all.toString('utf8') });
        });
      },
    );
    req.on('error', fail);
    if (body !== undefined) req.write(body);
    req.end();
  });
}
