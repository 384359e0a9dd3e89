import type { AreaId } from '../app/areas';
import { useAudit } from '../audit/store';
import { useDecisions } from '../decisions/store';
import { useFunding } from '../funding/store';
import { useMeetings } from '../meetings/store';
import { usePapers } from '../papers/store';
import { usePeople } from '../people/store';
import { usePerformance } from '../performance/store';
import { useWorkspace } from '../workspace/store';

/**
 * What each area shows, by table, and how it reads it again: when others change one of those
 * tables, the area on screen reloads through its own store's loads. The other areas load
 * afresh when they are opened. A reload replaces lists and details only: every form keeps its
 * draft in its own state (components/useApiForm.ts), the spend and values grids their edits,
 * and the paper editor its text, so nothing being typed is lost. The open paper is read again
 * section by section: a section nobody is typing in here starts again from the co-author's
 * text, one being typed in keeps the typing (papers/store.ts reread). Panels that read for
 * themselves (a board's members, forward plan, attendance statistics) follow others' changes
 * through useOthersChanged (./store.ts).
 */
const SHOWN: Record<AreaId, readonly string[] | 'everything'> = {
  // Counts of every kind of record, and the actions due this week.
  dashboard: 'everything',
  // The trail of every change.
  settings: 'everything',
  actions: ['action', 'action_update', 'action_due_revision', 'person', 'organisation', 'board', 'meeting'],
  meetings: [
    'board', 'board_quorum_organisation', 'membership', 'membership_substitute', 'meeting', 'agenda_item', 'attendance',
    'declaration', 'forward_plan_item', 'action', 'action_update', 'action_due_revision', 'person', 'organisation', 'paper', 'decision',
    // The register of interests is shown beside a meeting's declarations.
    'interest',
  ],
  papers: ['paper', 'paper_section', 'board', 'meeting', 'person', 'agenda_item'],
  decisions: ['decision', 'decision_indicator', 'board', 'meeting', 'person', 'paper', 'funding_stream', 'indicator'],
  people: ['person', 'organisation', 'membership', 'interest'],
  performance: ['framework_theme', 'indicator', 'indicator_value', 'organisation'],
  funding: ['funding_stream', 'stream_allocation', 'budget_line', 'award', 'award_year', 'spend', 'claim', 'organisation', 'board'],
};

const RELOAD: Record<AreaId, () => Promise<unknown>> = {
  // workspace.info answers the counts; the dashboard's actions this week follow it.
  dashboard: () => useWorkspace.getState().load(),
  settings: () => Promise.all([useWorkspace.getState().load(), useAudit.getState().loadRecent()]),
  // Its lists are cached queries, invalidated by table by the poller (../queries.ts).
  actions: () => Promise.resolve(),
  meetings: () => useMeetings.getState().reload(),
  // The list is a cached query, invalidated by table by the poller; the open paper is read again here.
  papers: () => usePapers.getState().reread(),
  decisions: () => useDecisions.getState().loadDirectory(),
  people: () => usePeople.getState().reloadLists(),
  performance: () => usePerformance.getState().reload(),
  funding: () => Promise.all([useFunding.getState().loadStreams(), useFunding.getState().refresh()]),
};

export function shows(area: AreaId, entities: ReadonlySet<string>): boolean {
  const shown = SHOWN[area];
  return shown === 'everything' ? entities.size > 0 : shown.some((table) => entities.has(table));
}

/** Reads the area on screen again if others changed what it shows. */
export async function refreshArea(area: AreaId, entities: ReadonlySet<string>): Promise<void> {
  if (shows(area, entities)) await RELOAD[area]();
}

/** Reads the area on screen again whatever it shows: after older changes were passed over unseen (./cursor.ts `dropped`). */
export async function reloadArea(area: AreaId): Promise<void> {
  await RELOAD[area]();
}
