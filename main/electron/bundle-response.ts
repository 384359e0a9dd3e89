import { readFile } from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY, contentType, resolveInside } from '../api/static-files';
import { isAppUrl } from './app-url';

/** Headers sent with every app:// response, errors included. */
function baseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
}

function refuse(status: 404 | 405, text: string): Response {
  return new Response(text, { status, headers: { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' } });
}

/**
 * Answers one request for app://bundle/<path> from the built renderer in `root`.
 * Anything that is not app://bundle/, escapes `root` (resolveInside) or does not exist is a 404;
 * only GET and HEAD are served. Plain Request/Response, so it runs (and is tested) under Node.
 */
export async function serveBundleFile(root: string, method: string, url: string): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD') return refuse(405, 'Method not allowed');
  if (!isAppUrl(url)) return refuse(404, 'Not found');
  const file = resolveInside(root, new URL(url).pathname);
  if (file === null) return refuse(404, 'Not found');
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    // Missing file, a directory, or unreadable: the page simply does not exist.
    return refuse(404, 'Not found');
  }
  const headers = { ...baseHeaders(), 'Content-Type': contentType(file) };
  return new Response(method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}
