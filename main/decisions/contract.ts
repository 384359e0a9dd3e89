import { z } from 'zod';
import { command, edit, exportOp, query } from '../api/define';
import type { ExportResult } from '../documents/export-result';
import { docxOrXlsx, outFile, outMatchesFormat } from '../documents/out-file';
import { datesInOrder } from '../documents/register-filter';
import { DEFAULT_PAGE_SIZE, isoDateOrNull, MAX_PAGE_SIZE, pageFields, rowId, type Page } from '../api/paging';
import { flag, id, isoDate, optionalText, patchOf, pence, requiredText, searchText } from '../api/fields';
import { DECIDERS, DECISION_STATUSES, DECISION_TYPES, type Decider, type DecisionStatus, type DecisionType } from './decision-rules';
import { SEARCH_KINDS, type SearchHit } from './search';

/**
 * The decisions log: every decision with its reference (SB-D-2020-004), meeting, agenda
 * item and paper, type, who decided, status, owner and dates, its money (an amount and a
 * funding stream) and the indicators it is meant to move; the search over decisions, papers
 * and minutes; the log's Word and Excel exports and the PCC decision notice.
 */
export type { Decider, DecisionStatus, DecisionType, SearchHit };

export interface Decision {
  /** The version it was read at: an edit sends it back and is refused if the record has changed since. */
  version: number;
  id: number;
  reference: string;
  boardId: number | null;
  boardName: string | null;
  /** The board's short code (e.g. SB), for narrow columns. */
  boardCode: string | null;
  meetingId: number | null;
  meetingStartsAt: string | null;
  agendaItemId: number | null;
  agendaItemTitle: string | null;
  agendaItemPosition: number | null;
  /** The minute it was taken under ("SB 12/20"), once its meeting's minutes are numbered. */
  agendaItemMinuteNumber: string | null;
  paperId: number | null;
  paperReference: string | null;
  paperTitle: string | null;
  title: string;
  text: string;
  type: DecisionType;
  decidedBy: Decider;
  decidedOn: string | null;
  status: DecisionStatus;
  supersededById: number | null;
  supersededByReference: string | null;
  ownerPersonId: number | null;
  ownerName: string | null;
  implementationDueOn: string | null;
  reviewOn: string | null;
  financialAmountPence: number | null;
  fundingStreamId: number | null;
  fundingStreamName: string | null;
  confidential: boolean;
  confidentialReason: string;
  publishedOn: string | null;
  indicators: { id: number; code: string; name: string }[];
  allowedStatuses: DecisionStatus[];
  createdAt: string;
  updatedAt: string;
}

export interface DecisionWarning {
  code: string;
  message: string;
  field?: string;
}

export interface DecisionResult {
  decision: Decision;
  warnings: DecisionWarning[];
}


const nullableDate = (label: string) => isoDate(label).nullable().default(null);

export const decisionFilterFields = {
  boardId: id('Board').nullable().default(null),
  status: z.enum(DECISION_STATUSES, { error: `Status must be one of: ${DECISION_STATUSES.join(', ')}` }).nullable().default(null),
  type: z.enum(DECISION_TYPES, { error: `Type must be one of: ${DECISION_TYPES.join(', ')}` }).nullable().default(null),
  decidedBy: z.enum(DECIDERS, { error: 'Decided by must be board or commissioner' }).nullable().default(null),
  from: nullableDate('From'),
  to: nullableDate('To'),
  search: searchText(),
};
export const decisionFilter = z.object(decisionFilterFields).strict();
export type DecisionFilter = z.output<typeof decisionFilter>;

/**
 * What the decisions log's export takes, its own (not the screen list's, which pages): the
 * board, a status, the type, who decided, a date range (the decision's date, else its
 * meeting's), words, open only (still to be decided: proposed or deferred), and whether the
 * decisions not dated yet come with a date range (withUndated).
 */
export const decisionLogFilterFields = {
  ...decisionFilterFields,
  openOnly: flag('Open only').default(false),
  // With a date range: the decisions not dated yet as well (no date, no meeting date), as the
  // log on screen shows them beside the current financial year's.
  withUndated: flag('Decisions not dated yet').default(false),
};
export type DecisionLogFilter = z.output<z.ZodObject<typeof decisionLogFilterFields>>;

/** The statuses of a decision still to be decided, which "open only" keeps. */
export const OPEN_DECISION_STATUSES = ['proposed', 'deferred'] as const satisfies readonly DecisionStatus[];

function openOnlyAgreesWithStatus(v: { openOnly: boolean; status: DecisionStatus | null }, ctx: z.RefinementCtx): void {
  // Runs on malformed input too (its fields' own refusals come first): look only at what is well formed.
  if (v.openOnly === true && (DECISION_STATUSES as readonly unknown[]).includes(v.status) && !(OPEN_DECISION_STATUSES as readonly unknown[]).includes(v.status)) {
    ctx.addIssue({ code: 'custom', path: ['openOnly'], message: `Open only keeps proposed and deferred decisions, so none would be ${v.status}: choose open only or that status, not both` });
  }
}
/** A decisions log cursor holds the last row's filed date (or null), reference and id: DECISION_ORDER in ./repository.ts. */
export const decisionCursorShape = (key: unknown[]): boolean =>
  key.length === 3 && isoDateOrNull(key[0]) && typeof key[1] === 'string' && key[1].length <= 40 && rowId(key[2]);

/**
 * The log's input: the export's filters and a page. With neither From nor To given it is the
 * current financial year (1 April to 31 March) and the decisions not dated yet; null for
 * either means no bound.
 */
const decisionListSchema = z
  .object({ ...decisionFilterFields, from: isoDate('From').nullable().optional(), to: isoDate('To').nullable().optional(), ...pageFields(decisionCursorShape) })
  .strict();
export type DecisionListInput = z.output<typeof decisionListSchema>;

/**
 * A page of the log, with the dates it was filtered by: when none were given, the current
 * financial year's, and then the decisions not dated yet are in it too (withUndated).
 */
export type DecisionPage = Page<Decision> & { from: string | null; to: string | null; withUndated: boolean };

const reference = z
  .string({ error: 'Reference must be text' })
  .trim()
  .max(40, 'Reference must be at most 40 characters')
  .refine((s) => s === '' || /^[A-Za-z0-9][A-Za-z0-9./_-]*$/.test(s), 'Reference may contain letters, digits and . / - _ (e.g. SB-D-2020-004)');

const decisionFields = {
  /** Empty: the next reference of the board and year is given. */
  reference: reference.default(''),
  boardId: id('Board').nullable().default(null),
  meetingId: id('Meeting').nullable().default(null),
  agendaItemId: id('Agenda item').nullable().default(null),
  paperId: id('Paper').nullable().default(null),
  title: requiredText('Title', 300),
  text: optionalText('Decision text', 20000),
  type: z.enum(DECISION_TYPES, { error: `Type must be one of: ${DECISION_TYPES.join(', ')}` }),
  decidedBy: z.enum(DECIDERS, { error: 'Decided by must be board or commissioner' }).default('board'),
  decidedOn: nullableDate('Decided on'),
  ownerPersonId: id('Owner').nullable().default(null),
  implementationDueOn: nullableDate('Implementation due'),
  reviewOn: nullableDate('Review date'),
  financialAmountPence: pence('Financial amount').nullable().default(null),
  fundingStreamId: id('Funding stream').nullable().default(null),
  confidential: flag('Confidential').default(false),
  confidentialReason: optionalText('Reason for confidentiality', 1000),
  publishedOn: nullableDate('Published on'),
  indicatorIds: z.array(id('Indicator')).max(50, 'A decision may be linked to at most 50 indicators').default([]),
};

export const decisionsContract = {
  'decision.list': query<DecisionPage>()(
    decisionListSchema.prefault({}),
    `The decisions log, newest first, a page at a time (cursor: the nextCursor of the page before; limit: rows a page, default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}), filtered by board, status, type, who decided, words and date (the current financial year and the undated unless from or to is given; null for no bound), with the total`,
  ),
  'decision.get': query<Decision>()(z.object({ id: id('Decision') }).strict(), 'One decision'),
  'decision.nextReference': query<{ reference: string }>()(
    z.object({ boardId: id('Board').nullable().default(null), decidedBy: z.enum(DECIDERS).default('board'), year: z.number().int().min(2000).max(2100) }).strict(),
    'The next decision reference for a board (or the Commissioner) and year, e.g. SB-D-2020-004',
  ),
  'decision.create': command<DecisionResult>()(z.object({ ...decisionFields, status: z.enum(['proposed', 'agreed', 'deferred', 'rejected']).default('proposed') }).strict(), 'Record a decision'),
  'decision.update': edit<DecisionResult>()('decision', 
    z.object({ id: id('Decision'), ...patchOf(decisionFields) }).strict(),
    'Change a decision (not its status)',
  ),
  'decision.setStatus': edit<DecisionResult>()('decision', 
    z
      .object({
        id: id('Decision'),
        status: z.enum(DECISION_STATUSES, { error: `Status must be one of: ${DECISION_STATUSES.join(', ')}` }),
        supersededById: id('Superseded by').nullable().default(null),
        decidedOn: nullableDate('Decided on'),
      })
      .strict(),
    'Agree, defer, reject or supersede a decision',
  ),
  'decision.delete': edit<{ id: number }>()('decision', z.object({ id: id('Decision') }).strict(), 'Delete a decision that is still only proposed'),
  'decision.proposeFromPaper': command<DecisionResult>()(
    z.object({ paperId: id('Paper') }).strict(),
    'Turn a paper’s Decision Required and Recommendation into a proposed decision on its meeting',
  ),
  'decision.exportLog': exportOp<ExportResult>()(
    z
      .object({
        ...decisionLogFilterFields,
        format: docxOrXlsx(),
        out: outFile(['docx', 'xlsx']),
      })
      .strict()
      .superRefine(datesInOrder('the decision’s date'))
      .superRefine(openOnlyAgreesWithStatus)
      .superRefine(outMatchesFormat),
    'Write the decisions log as a Word table or an Excel sheet',
  ),
  'decision.exportNotice': exportOp<ExportResult>()(
    z
      .object({
        id: id('Decision'),
        out: outFile(['docx']),
        acknowledgeWarnings: flag('Acknowledge warnings').default(false),
      })
      .strict(),
    'Write the Record of Decision (PCC decision notice) for a decision the Commissioner took alone',
  ),

  'search.query': query<SearchHit[]>()(
    z
      .object({
        q: z.string({ error: 'Search must be text' }).trim().max(200, 'Search must be at most 200 characters'),
        kinds: z.array(z.enum(SEARCH_KINDS)).min(1, 'Choose at least one of decisions, papers and minutes').default([...SEARCH_KINDS]),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    'Search decisions, papers and minutes; matches are highlighted',
  ),
  'search.rebuild': command<{ indexed: number }>()(z.object({}).strict().default({}), 'Rebuild the search index from the decisions, papers and minutes'),
} as const;
