import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join } from 'node:path';
import type { Envelope } from './contract';
import { dispatch, type Session } from './dispatch';
import { CANCELLED, checkExportRequest, fileFilter, type SavedExport } from './files-api';

/**
 * The desktop's window.files without Electron: ask where to save (a FileSaver: the native
 * dialog in main/electron/, a fixed answer in tests), write through the dispatcher with `out`
 * set to that file, remember the folder per workspace and export kind, and hand the page a
 * token for the file instead of its path. Open and Show in folder (a FileShell) take the
 * token back; only files this process wrote can be opened that way.
 */

export interface SaveDialogRequest {
  title: string;
  /** The suggested name inside the folder to start in. */
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
}

/** Asks the user where to save; null when they cancel. The dialog confirms an overwrite itself. */
export interface FileSaver {
  chooseSavePath(request: SaveDialogRequest): Promise<string | null>;
}

/** Opens a written file in its program, or shows it in its folder. */
export interface FileShell {
  /** Resolves to '' on success, or the reason it could not be opened (Electron's shell.openPath). */
  openPath(path: string): Promise<string>;
  showItemInFolder(path: string): void;
}

/** Tokens that stand for files written in this run, so the page never handles paths. */
export class ExportTokens {
  private readonly paths = new Map<string, string>();

  issue(path: string): string {
    const token = randomUUID();
    this.paths.set(token, path);
    return token;
  }

  pathOf(token: unknown): string | null {
    return typeof token === 'string' ? (this.paths.get(token) ?? null) : null;
  }
}

export const UNKNOWN_TOKEN: Envelope<never> = {
  ok: false,
  error: { code: 'files.unknownToken', message: 'That file was not exported in this session of the app: export it again to open it.' },
};

/** Where each kind of export was last saved, per workspace. */
export interface FolderMemory {
  folderFor(workspacePath: string, op: string): string | null;
  remember(workspacePath: string, op: string, folder: string): void;
}

type FolderMap = Record<string, Record<string, string>>;

/**
 * FolderMemory in a small JSON file (export-folders.json in the app's userData):
 * { "<workspace path>": { "<operation>": "<folder>" } }. A missing or unreadable file is an
 * empty memory (it only saves the user a few clicks), and it is written whole by
 * write-then-rename so a crash never leaves half of it.
 */
export class JsonFolderMemory implements FolderMemory {
  constructor(private readonly file: string) {}

  private read(): FolderMap {
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as FolderMap) : {};
    } catch {
      return {};
    }
  }

  folderFor(workspacePath: string, op: string): string | null {
    const folder = this.read()[workspacePath]?.[op];
    return typeof folder === 'string' && isAbsolute(folder) ? folder : null;
  }

  remember(workspacePath: string, op: string, folder: string): void {
    const all = this.read();
    all[workspacePath] = { ...(all[workspacePath] ?? {}), [op]: folder };
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(all, null, 2));
    renameSync(temp, this.file);
  }
}

export interface DesktopFilesOptions {
  session: Session;
  /** The open workspace file: the key of the folder memory. */
  workspacePath: string;
  /** Where a kind never exported before starts (the user's Documents folder). */
  defaultFolder: string;
  saver: FileSaver;
  shell: FileShell;
  memory: FolderMemory;
  tokens?: ExportTokens;
}

/**
 * Every export's result is an ExportResult (main/documents/export-result.ts) whose path is
 * the file written: an export that writes nothing answers an error instead. The file is
 * looked for all the same, so a token never stands for a file that is not there.
 */
function writtenPath(result: unknown, out: string): string | null {
  const r = result as { path?: unknown } | null;
  const path = r && typeof r.path === 'string' ? r.path : out;
  return existsSync(path) ? path : null;
}

/** A chosen name without an extension (a Linux dialog does not add one) gets the suggestion's. */
function withSuggestedExtension(path: string, extension: string): string {
  return extension && extname(path) === '' ? path + extension : path;
}

/** Runs an export op with `out` set, and describes what it wrote; shared with the browser bridge. */
export async function writeExport(
  session: Session,
  op: string,
  input: Record<string, unknown>,
  out: string,
  tokens: ExportTokens,
): Promise<Envelope<{ saved: SavedExport; path: string | null }>> {
  const envelope = await dispatch(session, op, { ...input, out });
  if (!envelope.ok) return envelope;
  const path = writtenPath(envelope.value, out);
  const saved: SavedExport = {
    result: envelope.value,
    token: path ? tokens.issue(path) : null,
    name: basename(path ?? out),
    folder: dirname(path ?? out),
    bytes: path ? statSync(path).size : 0,
  };
  return { ok: true, value: { saved, path } };
}

export function desktopFiles(options: DesktopFilesOptions) {
  const tokens = options.tokens ?? new ExportTokens();

  function startFolder(op: string): string {
    const remembered = options.memory.folderFor(options.workspacePath, op);
    return remembered && existsSync(remembered) && statSync(remembered).isDirectory() ? remembered : options.defaultFolder;
  }

  return {
    tokens,

    async saveExport(op: unknown, input: unknown, suggestedName: unknown): Promise<Envelope<SavedExport>> {
      const checked = checkExportRequest(op, input, suggestedName);
      if (!checked.ok) return checked;
      const { name, extension } = checked.value;
      const chosen = await options.saver.chooseSavePath({
        title: `Save ${name}`,
        defaultPath: join(startFolder(checked.value.op), name),
        filters: extension ? [fileFilter(extension)] : [],
      });
      if (chosen === null) return CANCELLED;
      const out = withSuggestedExtension(chosen, extension);
      // The dialog asked about replacing the name chosen, not the one with the extension added.
      if (out !== chosen && existsSync(out)) {
        return {
          ok: false,
          error: { code: 'files.exists', message: `${basename(out)} already exists in ${dirname(out)}; nothing was written. Choose it in the Save dialog to replace it, or give another name.`, field: 'out' },
        };
      }
      const written = await writeExport(options.session, checked.value.op, checked.value.input, out, tokens);
      if (!written.ok) return written;
      options.memory.remember(options.workspacePath, checked.value.op, dirname(written.value.path ?? out));
      return { ok: true, value: written.value.saved };
    },

    async openExported(token: unknown): Promise<Envelope<null>> {
      const path = tokens.pathOf(token);
      if (path === null) return UNKNOWN_TOKEN;
      const problem = await options.shell.openPath(path);
      if (problem !== '') return { ok: false, error: { code: 'files.openFailed', message: `${basename(path)} could not be opened: ${problem}` } };
      return { ok: true, value: null };
    },

    async showExported(token: unknown): Promise<Envelope<null>> {
      const path = tokens.pathOf(token);
      if (path === null) return UNKNOWN_TOKEN;
      options.shell.showItemInFolder(path);
      return { ok: true, value: null };
    },
  };
}

export type DesktopFiles = ReturnType<typeof desktopFiles>;
