import { create } from 'zustand';
import type { Envelope } from '../../../main/api/contract';
import type { MoveResult, SETTING_KEYS, WorkspaceInfo, WorkspaceWarning } from '../../../main/workspace/contract';
import { api, ApiError, call, FILE_PROBLEM_CODES, messageOf, onFileProblem } from '../api';

export type SettingKey = (typeof SETTING_KEYS)[number];

/** The open workspace: its file, schema version, counts and settings. */
interface WorkspaceState {
  info: WorkspaceInfo | null;
  error: string | null;
  /** The user chose to start empty this session: the first-run choice is not offered again. */
  startedEmpty: boolean;
  /** The workspace file changed underneath (replaced, deleted, closed), as a refused call said. */
  fileProblem: WorkspaceWarning | null;
  load(): Promise<void>;
  /** Closes and reopens the file (workspace.reopen); returns what to tell the user; throws an ApiError when it cannot. */
  reopen(): Promise<string>;
  /** Both throw an ApiError, for the screen that asked to show it. */
  loadDemo(): Promise<void>;
  /** `was`: the setting as the screen read it (null: never set); refused, naming who, when a colleague has changed it since. */
  setSetting(key: SettingKey, value: string, was: string | null): Promise<void>;
  /** Who the changes feed says the workspace was last read as: the header follows a role changed since. */
  sawConnectedAs(connectedAs: WorkspaceInfo['connectedAs']): void;
  /**
   * Moves the workspace into the PostgreSQL database `target` names (workspace.moveTo), which
   * then opens the copy unless `opened` says otherwise; throws an ApiError when it cannot move it.
   */
  moveTo(target: string, password?: string): Promise<MoveResult>;
  startEmpty(): void;
  /**
   * Opens another workspace in place of this one (workspace.open), with the password typed for a
   * PostgreSQL one (kept encrypted by the main process); resolves to what to tell the user; throws an ApiError when it cannot.
   */
  openAnother(target: string, password?: string): Promise<string>;
  /** The first-run panel asked for the Open another workspace form: Settings shows it open. */
  openFormRequested: boolean;
  requestOpenForm(requested: boolean): void;
}

type MoveTo = (input: { target: string; password?: string }) => Promise<Envelope<unknown>>;

/**
 * workspace.moveTo is the operation that copies the workspace into PostgreSQL (issue 13). It is
 * looked up on window.api rather than typed through the contract while it is being added, so
 * the app offers the move only where the main process has it.
 */
function moveOperation(): MoveTo | undefined {
  const operation = (api().workspace as { moveTo?: MoveTo }).moveTo;
  return typeof operation === 'function' ? operation : undefined;
}

export function canMoveWorkspace(): boolean {
  return moveOperation() !== undefined;
}

export const useWorkspace = create<WorkspaceState>()((set, get) => ({
  info: null,
  error: null,
  startedEmpty: false,
  fileProblem: null,

  async load() {
    try {
      set({ info: await call(api().workspace.info({})), error: null });
    } catch (err) {
      set({ error: messageOf(err) });
      throw err;
    }
  },

  async reopen() {
    const { keptAs: _kept, message, ...info } = await call(api().workspace.reopen({}));
    set({ info, fileProblem: null, error: null });
    return message;
  },

  async loadDemo() {
    set({ info: await call(api().workspace.loadDemo({})) });
  },

  sawConnectedAs(connectedAs) {
    const { info } = get();
    if (!info || JSON.stringify(info.connectedAs) === JSON.stringify(connectedAs)) return;
    set({ info: { ...info, connectedAs } });
  },

  async setSetting(key, value, was) {
    set({ info: await call(api().workspace.setSetting({ key, value, was })) });
  },

  async moveTo(target, password) {
    const move = moveOperation();
    if (!move) throw new ApiError({ code: 'unknownOperation', message: 'This version of the app cannot move a workspace.' });
    const result = (await call(move({ target, ...(password ? { password } : {}) }))) as MoveResult;
    // Where the session is now (the copy, or still the file when it was not opened): asked, not assumed.
    set({ info: await call(api().workspace.info({})), fileProblem: null, error: null });
    return result;
  },

  startEmpty() {
    set({ startedEmpty: true });
  },

  async openAnother(target, password) {
    const { message } = await call(api().workspace.open({ target, ...(password ? { password } : {}) }));
    return message;
  },

  openFormRequested: false,
  requestOpenForm(requested) {
    set({ openFormRequested: requested });
  },
}));

/**
 * Which engine holds the workspace. workspace.info's path is the store's location: a file's
 * path on SQLite, postgres://user@host:port/database (never a password) on PostgreSQL.
 */
export function engineOf(info: WorkspaceInfo): 'sqlite' | 'postgres' {
  return info.path.startsWith('postgres://') ? 'postgres' : 'sqlite';
}

/**
 * Who a PostgreSQL workspace is open as, for the header and Settings: "Connected as alice
 * (finance)", or, for a login in no team role, what the database lets it write. Null on a file.
 */
export function connectedAsLabel(info: WorkspaceInfo | null): string | null {
  const c = info?.connectedAs;
  if (!c) return null;
  const what = c.roles.length ? c.roles.join(', ') : c.canWrite === 'all' ? 'may change everything' : c.canWrite === 'funding' ? 'may change the funding' : 'may only read';
  return `Connected as ${c.login} (${what})`;
}

/** The name in the header: the organisation's, or else the workspace file's (or database's). */
export function workspaceTitle(info: WorkspaceInfo | null): string {
  if (!info) return '';
  const name = info.settings.organisationName;
  if (name) return name;
  return info.path.split(/[\\/]/).pop() ?? info.path;
}

// Whichever screen's call met a file problem, the shell's banner hears of it.
onFileProblem((error) => useWorkspace.setState({ fileProblem: { code: error.code, message: error.message } }));

/** The file problem to show: one a call met, or one workspace.info reported. */
export function fileProblemOf(state: Pick<WorkspaceState, 'info' | 'fileProblem'>): WorkspaceWarning | null {
  return state.fileProblem ?? state.info?.warnings.find((w) => FILE_PROBLEM_CODES.has(w.code)) ?? null;
}
