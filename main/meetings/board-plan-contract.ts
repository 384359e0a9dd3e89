import { z } from 'zod';
import { command, edit, query, readVersions } from '../api/define';
import { id, nullable, patchOf, requiredText } from '../api/fields';
import { dateOrMonth, type ForwardPlanItem, type MeetingDetail } from './contract';
import { PURPOSES } from './labels';
import type { StandingItem } from './standing-items';

/**
 * Issue 15, point 6: a board's forward plan and standing items changed on screen, and "mark
 * all present" on a meeting's register. Gathered into the one contract by main/api/contract.ts.
 */

export const STANDING_KINDS = ['welcome', 'declarations', 'minutes', 'aob', 'next_meeting'] as const;

/** A board's standing items: its own list, or the template's while it has none. */
export interface BoardStandingItems {
  boardId: number;
  /** The board's version: saving the list sends it back (the list is part of the board). */
  version: number;
  /** True when the board has its own list; false while it uses templates/meetings/standing-items.json. */
  own: boolean;
  items: StandingItem[];
}

const purpose = z.enum(PURPOSES, { error: 'Purpose must be decision, discussion, information or noting' });

const planFields = {
  title: requiredText('Title', 300),
  purpose,
  leadPersonId: nullable(id('Lead')),
  plannedFor: dateOrMonth('Planned for'),
};

const standingItem = z
  .object({
    kind: z.enum(STANDING_KINDS, { error: `Kind must be one of: ${STANDING_KINDS.join(', ')}, or none` }).nullable(),
    placement: z.enum(['start', 'end'], { error: 'Placement must be start or end' }),
    title: requiredText('Title', 300),
    purpose,
    minutesAllotted: z
      .number({ error: 'Minutes allotted must be a number' })
      .int('Minutes allotted must be a whole number')
      .min(0, 'Minutes allotted cannot be negative')
      .max(480, 'Minutes allotted must be at most 480'),
    lead: z.enum(['chair'], { error: 'Lead must be chair or none' }).nullable(),
  })
  .strict();

/** At most one standing item of each kind (the minutes and declarations steps read them by kind). */
function kindsOnce(items: { kind: string | null }[], ctx: z.RefinementCtx): void {
  if (!Array.isArray(items)) return;
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (!item || typeof item.kind !== 'string') return;
    if (seen.has(item.kind)) ctx.addIssue({ code: 'custom', path: [i, 'kind'], message: `Kind ${item.kind} is already used by another standing item; a board has at most one of each kind` });
    seen.add(item.kind);
  });
}

const markCell = z
  .object({
    personId: id('Member'),
    /** The cell as the register showed it: null for "not recorded". */
    was: z
      .object({
        status: z.enum(['present', 'apologies', 'absent'], { error: 'Was must be present, apologies or absent' }),
        substituteForPersonId: nullable(id('Was substitute for')),
      })
      .strict()
      .nullable(),
  })
  .strict();

export const boardPlanContract = {
  'forwardPlan.update': edit<ForwardPlanItem>()(
    'forward_plan_item',
    z.object({ id: id('Forward plan item'), ...patchOf(planFields) }).strict(),
    'Change a forward plan item (its wording, purpose or lead go to its agenda item too while that meeting is not held); to take it to another meeting use forwardPlan.move',
  ),
  'forwardPlan.move': edit<ForwardPlanItem>()(
    'forward_plan_item',
    z.object({ id: id('Forward plan item'), meetingId: id('Meeting') }).strict(),
    'Move a forward plan item to another meeting of its board not yet held: it is planned for that date and goes onto that agenda (off the one it was on)',
  ),
  'forwardPlan.reorder': command<ForwardPlanItem[]>()(
    z
      .object({
        boardId: id('Board'),
        plannedFor: dateOrMonth('Planned for'),
        itemIds: z.array(id('Forward plan item'), { error: 'Item ids must be a list' }).min(1, 'Item ids must list every item planned for that date or month'),
        versions: readVersions('Forward plan item'),
      })
      .strict(),
    'Put the items planned for one date or month in a new order (the order they join the agenda): every item id, first to last, with the version each was read at',
  ),
  'board.standingItems': query<BoardStandingItems>()(z.object({ boardId: id('Board') }).strict(), 'The standing items a new agenda of this board starts and ends with'),
  'board.setStandingItems': edit<BoardStandingItems>()(
    'board',
    z
      .object({
        boardId: id('Board'),
        items: z.array(standingItem, { error: 'Items must be a list' }).max(20, 'At most 20 standing items').superRefine(kindsOnce),
      })
      .strict(),
    'Give a board its own standing items (in order; start items open a new agenda, end items close it), with the board’s version',
    'boardId',
  ),
  'board.resetStandingItems': edit<BoardStandingItems>()(
    'board',
    z.object({ boardId: id('Board') }).strict(),
    'Put a board back on the template’s standing items',
    'boardId',
  ),
  'attendance.markAllPresent': command<MeetingDetail>()(
    z
      .object({
        meetingId: id('Meeting'),
        cells: z.array(markCell, { error: 'Cells must be a list' }).min(1, 'Cells must list the members as the register showed them').max(500, 'At most 500 members'),
      })
      .strict(),
    'Mark present every member listed whose register cell was not recorded (apologies and absences stay); `cells` are the cells as the register showed them, refused if someone has changed one since',
  ),
} as const;
