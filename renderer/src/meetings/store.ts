import { create } from 'zustand';
import type { Envelope, ScreenInputOf } from '../../../main/api/contract';
import type { Board, MeetingChoice, MeetingDetail, Membership, Warning } from '../../../main/meetings/contract';
import type { Organisation, Person } from '../../../main/people/contract';
import { ApiError, api, call, messageOf } from '../api';
import { invalidateTables, usePagedList } from '../queries';

/**
 * The Meetings area: boards, the meeting list, and the meeting open on screen. Every write
 * returns the meeting as the workspace now has it (agenda renumbered, quorum recomputed),
 * which replaces what is shown: the screen never works out numbering or quorum itself.
 * Writes throw an ApiError for the form that asked; warnings come back with the meeting.
 */
interface MeetingsState {
  boards: Board[];
  meetings: MeetingChoice[];
  listLoaded: boolean;
  listError: string | null;

  people: Person[];
  organisations: Organisation[];

  detail: MeetingDetail | null;
  detailError: string | null;
  /** Announced in a live region after a change (e.g. "Item 4 moved to position 3"). */
  announcement: string;

  loadList(): Promise<void>;
  loadDirectory(): Promise<void>;
  loadMeeting(id: number): Promise<void>;
  /** The list and the open meeting again, as they are now (after others' changes). */
  reload(): Promise<void>;
  announce(text: string): void;

  createBoard(input: ScreenInputOf<'board.create'>): Promise<Board>;
  addMember(input: ScreenInputOf<'membership.create'>): Promise<Membership>;
  scheduleMeeting(input: ScreenInputOf<'meeting.create'>): Promise<MeetingDetail>;

  /** Runs a write that answers with the meeting, and shows that answer. */
  change<K extends MeetingWrite>(name: K, input: ScreenInputOf<K>): Promise<MeetingDetail>;
}

type MeetingWrite =
  | 'meeting.update'
  | 'meeting.setStatus'
  | 'agenda.addItem'
  | 'agenda.updateItem'
  | 'agenda.removeItem'
  | 'agenda.reorder'
  | 'agenda.pullForwardPlan'
  | 'attendance.set'
  | 'attendance.remove'
  | 'attendance.markAllPresent'
  | 'declaration.add'
  | 'declaration.remove'
  | 'minutes.approve'
  | 'minutes.setNumber'
  | 'minutes.number';

/** The operations a meeting page calls; each answers with the whole meeting. */
const WRITES: { [K in MeetingWrite]: (input: ScreenInputOf<K>) => Promise<Envelope<MeetingDetail>> } = {
  'meeting.update': (i) => api().meeting.update(i),
  'meeting.setStatus': (i) => api().meeting.setStatus(i),
  'agenda.addItem': (i) => api().agenda.addItem(i),
  'agenda.updateItem': (i) => api().agenda.updateItem(i),
  'minutes.approve': (i) => api().minutes.approve(i),
  'minutes.setNumber': (i) => api().minutes.setNumber(i),
  'minutes.number': (i) => api().minutes.number(i),
  'agenda.removeItem': (i) => api().agenda.removeItem(i),
  'agenda.reorder': (i) => api().agenda.reorder(i),
  'agenda.pullForwardPlan': (i) => api().agenda.pullForwardPlan(i),
  'attendance.set': (i) => api().attendance.set(i),
  'attendance.remove': (i) => api().attendance.remove(i),
  'attendance.markAllPresent': (i) => api().attendance.markAllPresent(i),
  'declaration.add': (i) => api().declaration.add(i),
  'declaration.remove': (i) => api().declaration.remove(i),
};

/** Meetings a page at a time, newest first (../queries.ts keeps them and invalidates them by table). */
export const MEETINGS_PAGE = 100;
const ALL_MEETINGS = { boardId: null, from: null, to: null, status: null };
export function useMeetingList() {
  return usePagedList('meeting.list', ALL_MEETINGS, (cursor) => call(api().meeting.list({ ...ALL_MEETINGS, cursor, limit: MEETINGS_PAGE })));
}

let meetingRequest = 0;

export const useMeetings = create<MeetingsState>()((set, get) => ({
  boards: [],
  meetings: [],
  listLoaded: false,
  listError: null,
  people: [],
  organisations: [],
  detail: null,
  detailError: null,
  announcement: '',

  async loadList() {
    try {
      // The screen's paged list is cached: read again with the choices (after a write here, or others'),
      // except the first time, when it is being read for the first time anyway.
      const again = get().listLoaded ? invalidateTables(['meeting']) : null;
      const [boards, meetings] = await Promise.all([call(api().board.list({})), call(api().meeting.choices({})), again]);
      set({ boards, meetings, listLoaded: true, listError: null });
    } catch (err) {
      set({ listLoaded: true, listError: messageOf(err) });
    }
  },

  async loadDirectory() {
    try {
      const [people, organisations] = await Promise.all([call(api().person.list({})), call(api().organisation.list({}))]);
      set({ people, organisations });
    } catch (err) {
      set({ listError: messageOf(err) });
    }
  },

  async loadMeeting(id) {
    const mine = ++meetingRequest;
    try {
      const detail = await call(api().meeting.get({ id }));
      if (mine === meetingRequest) set({ detail, detailError: null });
    } catch (err) {
      if (mine === meetingRequest) set({ detail: null, detailError: messageOf(err) });
    }
  },

  async reload() {
    const open = get().detail;
    await Promise.all([get().loadList(), open ? get().loadMeeting(open.meeting.id) : null]);
  },

  announce(text) {
    set({ announcement: text });
  },

  async createBoard(input) {
    const board = await call(api().board.create(input));
    await get().loadList();
    return board;
  },

  async addMember(input) {
    const membership = await call(api().membership.create(input));
    await get().loadList();
    return membership;
  },

  async scheduleMeeting(input) {
    const detail = await call(api().meeting.create(input));
    set({ detail });
    await get().loadList();
    return detail;
  },

  async change(name, input) {
    try {
      const detail = await call(WRITES[name](input));
      set({ detail });
      // The list shows the meeting's status, quorum and items: stale now, read again when next shown.
      void invalidateTables(['meeting', 'agenda_item'], 'none');
      return detail;
    } catch (err) {
      // Refused because someone else changed or removed it since: show the meeting as it is
      // now (what the person typed stays in its form), so their change is seen and a save
      // again is made knowingly on the new version.
      const open = get().detail;
      if (err instanceof ApiError && err.code === 'stale' && open) await get().loadMeeting(open.meeting.id);
      throw err;
    }
  },
}));

export function warningsOf(detail: MeetingDetail | null): Warning[] {
  return detail?.warnings ?? [];
}

/** "Matthew Scott (Office of the PCC)" for selects. */
export function personLabel(p: Person): string {
  return `${p.givenName} ${p.familyName}${p.organisationName ? ` (${p.organisationName})` : ''}`;
}
