import { buildApi, type Envelope, type Invoke } from '../main/api/contract';
import { NOT_IN_BROWSER, type Files, type SavedExport } from '../main/api/files-api';

/**
 * window.api and window.files for a browser talking to the loopback bridge (tests,
 * `npm run serve`): the same objects the Electron preload exposes, carried over fetch
 * instead of IPC. An export comes back as a download instead of a Save dialog.
 */
async function post(path: string, body: unknown): Promise<Envelope<unknown>> {
  try {
    const res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
    if (!res.ok) return { ok: false, error: { code: 'transport', message: `The workspace service answered ${res.status}.` } };
    return (await res.json()) as Envelope<unknown>;
  } catch {
    return { ok: false, error: { code: 'offline', message: 'The workspace service is not running. Restart the app.' } };
  }
}

const invoke: Invoke = (name, input) => post(`/api/${encodeURIComponent(name)}`, input);

/** The browser saves the file as any download: a same-origin link with `download`, clicked. */
function download(token: string, name: string): void {
  const link = document.createElement('a');
  link.href = `/files/download/${encodeURIComponent(token)}`;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}

const files: Files = {
  where: 'browser',
  async saveExport(op, input, suggestedName) {
    const envelope = await post(`/files/export/${encodeURIComponent(op)}`, { input, suggestedName });
    if (envelope.ok) {
      const saved = envelope.value as SavedExport;
      if (saved.token !== null) download(saved.token, saved.name);
    }
    return envelope as never;
  },
  openExported: () => Promise.resolve(NOT_IN_BROWSER),
  showExported: () => Promise.resolve(NOT_IN_BROWSER),
};

(window as unknown as { api: unknown; files: Files }).api = buildApi(invoke);
(window as unknown as { files: Files }).files = files;
