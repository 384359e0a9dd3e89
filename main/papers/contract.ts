import { z } from 'zod';
import { command, edit, exportOp, query, versionField } from '../api/define';
import type { ExportResult, ExportWarning } from '../documents/export-result';
import { outFile } from '../documents/out-file';
import { flag, id, optionalText, patchOf, requiredText, searchText } from '../api/fields';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageFields, rowId, type Page } from '../api/paging';
import { blocksSchema, LIVE_SOURCES, type PaperBlock } from './blocks';
import type { NumberingMode } from './paragraph-numbering';
import { PAPER_STATUSES, type PaperStatus } from './paper-status';
import type { PaperWarning } from './required-sections';
import type { SectionChange } from './version-diff';

/**
 * The papers area: papers written from templates (templates/papers/*.json), their sections
 * as rich-text blocks (./blocks.ts), status and versions, the Word export of a paper and
 * the agenda pack of a meeting.
 */

export const PROTECTIVE_MARKINGS = ['OFFICIAL', 'OFFICIAL-SENSITIVE'] as const;
export type ProtectiveMarking = (typeof PROTECTIVE_MARKINGS)[number];
export const PAPER_PURPOSES = ['decision', 'discussion', 'information', 'noting'] as const;
export type PaperPurpose = (typeof PAPER_PURPOSES)[number];
export const PAPER_PURPOSE_LABELS: Record<PaperPurpose, string> = {
  decision: 'For decision',
  discussion: 'For discussion',
  information: 'For information',
  noting: 'For noting',
};

export type { PaperStatus, PaperWarning };

export interface TemplateInfo {
  key: string;
  name: string;
  description: string;
  numbering: NumberingMode;
  header: { key: string; label: string; required: boolean; type: 'text' | 'date'; guidance: string }[];
  sections: { key: string; heading: string; required: boolean; guidance: string }[];
}

/** A papers list cursor holds the last row's updatedAt and id: the list's order in ./repository.ts. */
export const paperCursorShape = (k: unknown[]): boolean => k.length === 2 && typeof k[0] === 'string' && rowId(k[1]);

export interface PaperSummary {
  /** The version it was read at: an edit sends it back and is refused if the record has changed since. */
  version: number;
  id: number;
  reference: string;
  title: string;
  templateKey: string;
  boardId: number | null;
  boardName: string | null;
  meetingId: number | null;
  meetingStartsAt: string | null;
  agendaItemId: number | null;
  agendaItemTitle: string | null;
  agendaItemPosition: number | null;
  authorPersonId: number | null;
  authorName: string | null;
  presenterPersonId: number | null;
  presenterName: string | null;
  protectiveMarking: ProtectiveMarking;
  purpose: PaperPurpose;
  status: PaperStatus;
  issuedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PaperSection {
  /** The version it was read at: an edit sends it back and is refused if the record has changed since. */
  version: number;
  id: number;
  key: string;
  heading: string;
  position: number;
  body: PaperBlock[];
  /** From the template: whether the section must have content before the paper goes out. */
  required: boolean;
  guidance: string;
}

export interface HeaderField {
  key: string;
  label: string;
  required: boolean;
  type: 'text' | 'date';
  guidance: string;
  /** What the paper says: the value typed, or else one derived from its metadata. */
  value: string;
  /** True when the value is derived (e.g. the meeting's date), not typed. */
  derived: boolean;
}

export interface PaperVersionSummary {
  id: number;
  /** 1, 2, 3… in the order the versions were kept. */
  number: number;
  status: PaperStatus;
  /** Why it was kept: "For review", or "Issued in the agenda pack (issue 1)". */
  label: string;
  createdAt: string;
}

export interface PaperDetail extends PaperSummary {
  templateName: string;
  numbering: NumberingMode;
  /** Values typed into the header block (From / To / Subject / Date …). */
  header: Record<string, string>;
  headerFields: HeaderField[];
  sections: PaperSection[];
  /** The paragraph number of each block, per section (null where a block has none). */
  paragraphNumbers: (string | null)[][];
  versions: PaperVersionSummary[];
  warnings: PaperWarning[];
  allowedStatuses: PaperStatus[];
}

export interface SectionSaved {
  /** The version it was read at: an edit sends it back and is refused if the record has changed since. */
  version: number;
  paperId: number;
  key: string;
  heading: string;
  body: PaperBlock[];
  /** False when the body sent was the body already stored (nothing written). */
  changed: boolean;
  /** The paper's own version after the save (a section save counts as a change to the paper). */
  paperVersion: number;
  updatedAt: string;
  warnings: PaperWarning[];
}

export interface VersionComparison {
  paperId: number;
  from: { label: string; versionId: number | null };
  to: { label: string; versionId: number | null };
  titleBefore: string;
  titleAfter: string;
  sections: SectionChange[];
}

export interface LiveTable {
  caption: string;
  columns: { header: string; align?: 'left' | 'right' }[];
  rows: string[][];
  /** Where the figures come from, for a note under the table. */
  source: string;
}

export type LiveTableResult = { ok: true; table: LiveTable } | { ok: false; reason: string };

export type { ExportWarning };

export interface PackChange {
  /** What the "changed since issue" sheet says about it. */
  kind: 'late' | 'revised' | 'withdrawn';
  itemNumber: number;
  title: string;
  paperReference: string | null;
  supplement: number;
  /** Pages of the issued (Word) pack that the revised paper replaces, e.g. "12–18". */
  replacesPages: string | null;
  /** The same pages in the PDF pack of that issue (its own layout), where it was laid out at issue. */
  replacesPdfPages?: string;
}

export interface PackPart {
  kind: 'item' | 'supplement';
  itemNumber: number;
  itemTitle: string;
  paperId: number;
  paperReference: string;
  paperTitle: string;
  supplement: number | null;
  /** The printed page the paper starts on in the Word pack as issued (numbered straight through from the cover), where known. */
  startPage: number | null;
  pageCount: number | null;
}

export interface PackIssueSummary {
  id: number;
  meetingId: number;
  public: boolean;
  issueNumber: number;
  issuedAt: string;
  parts: PackPart[];
  changes: PackChange[];
}

export interface PackPlan {
  meetingId: number;
  public: boolean;
  /** Issues so far (0 before the first). */
  issued: number;
  parts: PackPart[];
  /** Changes since the first issue, including those not yet issued. */
  changes: PackChange[];
  /** What is new since the last issue: a supplement will carry it. */
  pendingChanges: PackChange[];
  leftOut: { itemNumber: number; reason: string }[];
  warnings: ExportWarning[];
}

/** The agenda pack written: its warnings are the plan's. */
export interface PackExportResult extends ExportResult {
  plan: PackPlan;
}

const reference = z
  .string({ error: 'Reference must be text' })
  .trim()
  .min(1, 'Reference is required (e.g. SB/2020/03)')
  .max(40, 'Reference must be at most 40 characters')
  .refine((s) => /^[\p{L}\p{N}][\p{L}\p{N} /._-]*$/u.test(s), 'Reference may contain letters, digits, spaces and / . - _ (e.g. SB/2020/03)');

const header = z.record(z.string(), optionalText('Header value', 500)).default({});

const metadataFields = {
  reference,
  title: requiredText('Title', 300),
  boardId: id('Board').nullable().default(null),
  meetingId: id('Meeting').nullable().default(null),
  agendaItemId: id('Agenda item').nullable().default(null),
  authorPersonId: id('Author').nullable().default(null),
  presenterPersonId: id('Presenting officer').nullable().default(null),
  protectiveMarking: z.enum(PROTECTIVE_MARKINGS, { error: 'Protective marking must be OFFICIAL or OFFICIAL-SENSITIVE' }).default('OFFICIAL'),
  purpose: z.enum(PAPER_PURPOSES, { error: `Purpose must be one of: ${PAPER_PURPOSES.join(', ')}` }).default('decision'),
  header,
};

const sectionKey = z.string({ error: 'Section must be text' }).regex(/^[a-z][a-z0-9-]*$/, 'Section must be a section key such as next-steps');

export const paperCreateInput = z
  .object({
    templateKey: z.string({ error: 'Template must be text' }).min(1, 'Template is required'),
    ...metadataFields,
    // Left out: the workspace's default marking (setting defaultProtectiveMarking).
    protectiveMarking: z.enum(PROTECTIVE_MARKINGS, { error: 'Protective marking must be OFFICIAL or OFFICIAL-SENSITIVE' }).optional(),
  })
  .strict();

export const papersContract = {
  'paper.templates': query<{ templates: TemplateInfo[]; problems: { file: string; message: string }[] }>()(
    z.object({}).strict().default({}),
    'The paper templates in templates/papers, with any that could not be read',
  ),
  'paper.list': query<Page<PaperSummary>>()(
    z
      .object({
        boardId: id('Board').nullable().default(null),
        meetingId: id('Meeting').nullable().default(null),
        status: z.enum(PAPER_STATUSES).nullable().default(null),
        search: searchText(),
        ...pageFields(paperCursorShape),
      })
      .strict()
      .prefault({}),
    `Papers, most recently changed first, a page at a time (cursor: the nextCursor of the page before; limit: rows a page, default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}), filtered by board, meeting, status or a search of reference and title, with the total`,
  ),
  'paper.get': query<PaperDetail>()(z.object({ id: id('Paper') }).strict(), 'A paper with its sections, versions and warnings'),
  'paper.nextReference': query<{ reference: string }>()(
    z.object({ boardId: id('Board'), year: z.number().int().min(2000).max(2100) }).strict(),
    'The next free paper reference for a board and year, e.g. SB/2020/04',
  ),
  'paper.create': command<PaperDetail>()(paperCreateInput, 'Start a paper from a template: its sections in the template’s order'),
  'paper.update': edit<PaperDetail>()('paper', 
    z.object({ id: id('Paper'), ...patchOf(metadataFields) }).strict(),
    'Change a paper’s details (not its status)',
  ),
  'paper.updateSection': command<SectionSaved>()(
    z
      .object({
        paperId: id('Paper'),
        key: sectionKey,
        body: blocksSchema,
        heading: z.string().trim().min(1, 'Heading is required').max(200, 'Heading must be at most 200 characters').optional(),
        /** The section's version when the editor loaded it (each section has its own). */
        version: versionField,
      })
      .strict(),
    'Save one section’s text (the editor’s autosave)',
  ),
  'paper.setStatus': edit<PaperDetail>()('paper', 
    z.object({ id: id('Paper'), status: z.enum(PAPER_STATUSES, { error: 'Status must be draft, for_review or final' }) }).strict(),
    'Move a paper between draft, for review and final; a version is kept each time',
  ),
  'paper.compare': query<VersionComparison>()(
    z.object({ id: id('Paper'), from: id('From version'), to: id('To version').nullable().default(null) }).strict(),
    'Compare two kept versions of a paper (or a version with the current text), section by section',
  ),
  'paper.delete': edit<{ id: number }>()('paper', z.object({ id: id('Paper') }).strict(), 'Delete a draft paper'),
  'paper.liveTable': query<LiveTableResult>()(
    z.object({ source: z.enum(LIVE_SOURCES, { error: `Source must be one of: ${LIVE_SOURCES.join(', ')}` }), params: z.record(z.string(), z.string()).default({}) }).strict(),
    'The rows a live table shows today',
  ),
  'paper.export': exportOp<ExportResult>()(
    z.object({ id: id('Paper'), out: outFile(['docx']), acknowledgeWarnings: flag('Acknowledge warnings').default(false) }).strict(),
    'Write a paper as a Word document; a paper missing a required section is refused (export.warningsNotAcknowledged, its warnings as problems) until they are acknowledged',
  ),

  'agendaPack.plan': query<PackPlan>()(
    z.object({ meetingId: id('Meeting'), public: flag('Public').default(false) }).strict(),
    'What the agenda pack of a meeting holds, and what has changed since it was issued',
  ),
  'agendaPack.export': exportOp<PackExportResult>()(
    z.object({ meetingId: id('Meeting'), public: flag('Public').default(false), out: outFile(['docx', 'pdf']) }).strict(),
    'Write the agenda pack of a meeting as one Word document or one PDF (format from the file name: .docx or .pdf)',
  ),
  'agendaPack.issue': command<PackIssueSummary>()(
    z.object({ meetingId: id('Meeting'), public: flag('Public').default(false) }).strict(),
    'Record the pack as issued: its papers as they stand and its page numbers, so a re-issue keeps them',
  ),
  'agendaPack.issues': query<PackIssueSummary[]>()(
    z.object({ meetingId: id('Meeting') }).strict(),
    'The issues of a meeting’s agenda packs',
  ),
} as const;
