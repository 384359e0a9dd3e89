import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { Envelope } from './contract';
import type { Session } from './dispatch';
import { ExportTokens, writeExport } from './file-exports';
import { checkExportRequest, type SavedExport } from './files-api';

/**
 * window.files for the browser bridge: an export is written into this bridge's own
 * downloads folder (one subfolder per export, so two with the same name never collide),
 * and served back once as an attachment the browser saves where it saves downloads. The
 * folder is removed when the bridge closes.
 */
export class BridgeDownloads {
  private readonly folder = mkdtempSync(join(tmpdir(), 'board-secretariat-downloads-'));
  private readonly tokens = new ExportTokens();
  private count = 0;

  constructor(private readonly session: Session) {}

  /** POST /files/export/<op> with { input, suggestedName }. */
  async export(op: string, body: unknown): Promise<Envelope<SavedExport>> {
    const { input, suggestedName } = (typeof body === 'object' && body !== null ? body : {}) as { input?: unknown; suggestedName?: unknown };
    const checked = checkExportRequest(op, input, suggestedName);
    if (!checked.ok) return checked;
    const into = join(this.folder, String(++this.count));
    mkdirSync(into);
    const written = await writeExport(this.session, checked.value.op, checked.value.input, join(into, checked.value.name), this.tokens);
    if (!written.ok) return written;
    // Where a download lands is the browser's choice, not this temporary folder.
    return { ok: true, value: { ...written.value.saved, folder: null } };
  }

  /** GET /files/download/<token>: the file's bytes and how to save them, or null for a token never given. */
  download(token: string): { name: string; bytes: Buffer; type: string } | null {
    const path = this.tokens.pathOf(token);
    if (path === null) return null;
    return { name: basename(path), bytes: readFileSync(path), type: DOWNLOAD_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream' };
  }

  close(): void {
    rmSync(this.folder, { recursive: true, force: true });
  }
}

const DOWNLOAD_TYPES: Record<string, string> = {
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv; charset=utf-8',
  '.pdf': 'application/pdf',
};

/**
 * Content-Disposition for a name with any characters: a plain ASCII fallback for old
 * clients, and the exact UTF-8 name (RFC 6266 / 5987) that browsers use.
 */
export function attachmentHeader(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const exact = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}
