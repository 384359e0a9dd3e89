import { buildApi, type Envelope, type Invoke } from '../main/api/contract';

/**
 * window.api for a browser talking to the loopback bridge (tests, `npm run serve`):
 * the same object the Electron preload exposes, carried over fetch instead of IPC.
 */
const invoke: Invoke = async (name, input) => {
  try {
    const res = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
    if (!res.ok) return { ok: false, error: { code: 'transport', message: `The workspace service answered ${res.status}.` } };
    return (await res.json()) as Envelope<unknown>;
  } catch {
    return { ok: false, error: { code: 'offline', message: 'The workspace service is not running. Restart the app.' } };
  }
};

(window as unknown as { api: unknown }).api = buildApi(invoke);
