import { create } from 'zustand';
import type { ScreenInputOf } from '../../../main/api/contract';
import type { Board, MeetingChoice } from '../../../main/meetings/contract';
import type { PaperBlock } from '../../../main/papers/blocks';
import type { PaperDetail, PaperStatus, TemplateInfo } from '../../../main/papers/contract';
import type { Person } from '../../../main/people/contract';
import { ApiError, api, call, messageOf } from '../api';
import { invalidateTables, usePagedList } from '../queries';

/**
 * The Papers area: the list, the templates, the paper open in the editor, and the state of
 * its autosave. A section is saved on its own (paper.updateSection) a moment after the user
 * stops typing; the editor keeps its own text and is never re-rendered from the answer, so
 * the caret stays where it is. The answer's warnings replace the paper's warnings.
 */
export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; message: string };

interface PapersState {
  /** What the list is filtered by (kept while the editor is open). */
  listFilter: PaperListFilter;
  setListFilter(change: Partial<PaperListFilter>): void;
  /** Why the templates, boards, meetings or people could not be read. */
  listError: string | null;
  templates: TemplateInfo[];
  templateProblems: { file: string; message: string }[];
  boards: Board[];
  meetings: MeetingChoice[];
  people: Person[];

  detail: PaperDetail | null;
  detailError: string | null;
  save: SaveState;
  /** Sections with changes not yet sent. */
  dirty: Record<string, PaperBlock[]>;

  loadDirectory(): Promise<void>;
  loadPaper(id: number): Promise<void>;
  create(input: ScreenInputOf<'paper.create'>): Promise<PaperDetail>;
  updateDetails(input: ScreenInputOf<'paper.update'>): Promise<PaperDetail>;
  /** Queues a section's new body; it is sent after a pause in typing (or at once with flush). */
  editSection(key: string, body: PaperBlock[], heading?: string): void;
  flush(): Promise<void>;
  setStatus(status: PaperStatus): Promise<void>;
  /**
   * The open paper read again after a co-author's change (the changes poller): its details,
   * warnings, status and every section nobody is editing here take the workspace's newest;
   * a section with unsent typing, being saved, or with the caret in it keeps its text and
   * the version it was opened at, so its save is checked against theirs (refused, naming them).
   */
  reread(): Promise<void>;
  /** Bumped for a section replaced by reread, so its editor starts again from the new text. */
  revisions: Record<string, number>;
  /** The section the caret is in (null when none): never replaced under the typing. */
  focusSection(key: string | null): void;
}

let focused: string | null = null;
/** Sections kept at reread only because the caret was in them: read again when it leaves. */
const keptForCaret = new Set<string>();

const DEBOUNCE_MS = 700;
let timer: ReturnType<typeof setTimeout> | null = null;
let saving: Promise<void> = Promise.resolve();
const headings: Record<string, string> = {};

function time(): string {
  return new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** Papers a page at a time, as the list's filters select them (../queries.ts keeps and invalidates them). */
export const PAPERS_PAGE = 100;
export interface PaperListFilter {
  boardId: number | null;
  status: PaperStatus | null;
  search: string;
}
export function usePaperList(filter: PaperListFilter) {
  return usePagedList('paper.list', { ...filter, meetingId: null }, (cursor) => call(api().paper.list({ ...filter, meetingId: null, cursor, limit: PAPERS_PAGE })));
}

/**
 * The list is cached (../queries.ts): a change made from the editor marks it stale, so it is
 * read again when next shown, in its new order (most recently changed first).
 */
function listChanged(): void {
  void invalidateTables(['paper'], 'none');
}

export const usePapers = create<PapersState>()((set, get) => ({
  listError: null,
  templates: [],
  templateProblems: [],
  listFilter: { boardId: null, status: null, search: '' },
  setListFilter(change) {
    set({ listFilter: { ...get().listFilter, ...change } });
  },
  boards: [],
  meetings: [],
  people: [],
  detail: null,
  detailError: null,
  save: { kind: 'idle' },
  dirty: {},
  revisions: {},

  async loadDirectory() {
    try {
      const [t, boards, meetings, people] = await Promise.all([
        call(api().paper.templates({})),
        call(api().board.list({})),
        call(api().meeting.choices({})),
        call(api().person.list({ search: '', organisationId: null })),
      ]);
      set({ templates: t.templates, templateProblems: t.problems, boards, meetings, people });
    } catch (err) {
      set({ listError: messageOf(err) });
    }
  },

  async loadPaper(id) {
    await get().flush();
    try {
      const detail = await call(api().paper.get({ id }));
      keptForCaret.clear();
      set({ detail, detailError: null, save: { kind: 'idle' }, dirty: {}, revisions: {} });
    } catch (err) {
      set({ detail: null, detailError: messageOf(err) });
    }
  },

  async create(input) {
    const detail = await call(api().paper.create(input));
    set({ detail, save: { kind: 'idle' }, dirty: {} });
    listChanged();
    return detail;
  },

  async updateDetails(input) {
    await get().flush();
    const detail = await call(api().paper.update(input));
    set({ detail });
    listChanged();
    return detail;
  },

  editSection(key, body, heading) {
    if (heading !== undefined) headings[key] = heading;
    set({ dirty: { ...get().dirty, [key]: body }, save: { kind: 'saving' } });
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void get().flush(), DEBOUNCE_MS);
  },

  async flush() {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    const run = async () => {
      const detail = get().detail;
      const pending = get().dirty;
      if (!detail || Object.keys(pending).length === 0) return;
      set({ dirty: {}, save: { kind: 'saving' } });
      try {
        for (const [key, body] of Object.entries(pending)) {
          const heading = headings[key];
          // Each section carries its own version: an author's save over another's newer text is refused, naming them.
          const version = (get().detail ?? detail).sections.find((s) => s.key === key)?.version;
          if (version === undefined) throw new ApiError({ code: 'paper.noSection', message: `This paper has no section "${key}" any more: copy your text, then open the paper again.`, field: 'key' });
          const saved = await call(api().paper.updateSection({ paperId: detail.id, key, body, version, ...(heading !== undefined ? { heading } : {}) }));
          delete headings[key];
          listChanged();
          const current = get().detail;
          if (current && current.id === detail.id) {
            set({
              detail: {
                ...current,
                updatedAt: saved.updatedAt,
                warnings: saved.warnings,
                sections: current.sections.map((s) => (s.key === key ? { ...s, body: saved.body, heading: saved.heading, version: saved.version } : s)),
              },
            });
          }
        }
        set({ save: Object.keys(get().dirty).length ? { kind: 'saving' } : { kind: 'saved', at: time() } });
      } catch (err) {
        // Keep what was not saved, so the next pause tries again.
        set({ dirty: { ...pending, ...get().dirty }, save: { kind: 'error', message: messageOf(err) } });
      }
    };
    saving = saving.then(run, run);
    await saving;
  },

  focusSection(key) {
    const left = focused;
    focused = key;
    if (key === null && left !== null && keptForCaret.delete(left)) void get().reread();
  },

  async reread() {
    const run = async () => {
      const open = get().detail;
      if (!open) return;
      let fresh: PaperDetail;
      try {
        fresh = await call(api().paper.get({ id: open.id }));
      } catch {
        // Deleted or unreadable now: the editor keeps what it has; a save will say why.
        return;
      }
      // Read again now: typing may have started while the paper was being fetched.
      const current = get().detail;
      if (!current || current.id !== fresh.id) return;
      const dirty = get().dirty;
      const revisions = { ...get().revisions };
      const sections = fresh.sections.map((theirs) => {
        const mine = current.sections.find((s) => s.key === theirs.key);
        if (!mine) return theirs;
        const typing = theirs.key in dirty || theirs.key in headings;
        if (typing || theirs.key === focused) {
          if (!typing && mine.version !== theirs.version) keptForCaret.add(theirs.key);
          return mine;
        }
        if (mine.version !== theirs.version) revisions[theirs.key] = (revisions[theirs.key] ?? 0) + 1;
        return theirs;
      });
      set({ detail: { ...fresh, sections }, revisions });
    };
    // Never beside a section save: it runs after the saves already queued.
    saving = saving.then(run, run);
    await saving;
  },

  async setStatus(status) {
    await get().flush();
    const detail = get().detail;
    if (!detail) return;
    const next = await call(api().paper.setStatus({ id: detail.id, version: detail.version, status }));
    set({ detail: next });
    listChanged();
  },
}));
