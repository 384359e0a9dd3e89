import type { Document, FileChild } from 'docx';
import { buildDocument, dataTable, heading, labelled, paragraph, title, type CellValue, type Column, type Span } from '../documents/docx';
import { formatDateLong, formatDateShort } from '../shared/dates';
import type { Action, ProtectiveMarking } from './contract';
import { actionRef, actionStatusText, dueText, fromMeetingText } from './document-text';
import { revisionLines, type DueRevision } from './action-edits';

/**
 * The action log as a Word table: reference, the action (with the meeting it came from and
 * its latest update), owner, due date and status; overdue rows are shaded and say so.
 */
export interface ActionLogMeta {
  /** e.g. "Kent and Medway VRU Strategic Board", or "All boards". */
  scope: string;
  asAt: string;
  marking: ProtectiveMarking;
  filterText: string;
}

const OVERDUE_FILL = 'F9D6D0'; // a light tint of the house red, readable with black text

function actionCell(a: Action, oneBoard: boolean, revisions: DueRevision[]): Span[] {
  const spans: Span[] = [a.description];
  const from = fromMeetingText(a, !oneBoard);
  if (from) spans.push({ text: ` (from ${from}${a.agendaItemMinuteNumber ? `, Minute ${a.agendaItemMinuteNumber}` : ''})`, italic: true });
  if (a.latestUpdate) spans.push({ text: ` Update ${formatDateShort(a.latestUpdate.updatedOn)}: ${a.latestUpdate.text}` });
  // The due date first agreed and every revision with its reason (issue 15): the log keeps the history.
  if (revisions.length > 0) spans.push({ text: ` Due date revised: ${revisionLines(revisions).join('; ')}.` });
  return spans;
}

export function actionLogBlocks(actions: Action[], meta: ActionLogMeta, revisions: ReadonlyMap<number, DueRevision[]> = new Map()): FileChild[] {
  const overdue = actions.filter((a) => a.overdue).length;
  const blocks: FileChild[] = [
    title('Action log'),
    labelled('Board', meta.scope === 'all boards' ? 'All boards and groups' : meta.scope),
    labelled('As at', formatDateLong(meta.asAt)),
    labelled('Actions', `${actions.length}${meta.filterText ? ` (${meta.filterText})` : ''}, of which ${overdue} overdue`),
    heading('Actions', 1),
  ];
  if (actions.length === 0) {
    blocks.push(paragraph('No actions match.'));
    return blocks;
  }
  const rows: CellValue[][] = actions.map((a) => {
    const cells: CellValue[] = [actionRef(a.id), actionCell(a, meta.scope !== 'all boards', revisions.get(a.id) ?? []), a.ownerName, dueText(a.dueOn, a.originalDueOn), actionStatusText(a)];
    return a.overdue ? cells.map((c) => ({ text: c as string | Span[], fill: OVERDUE_FILL })) : cells;
  });
  blocks.push(...dataTable(REGISTER_COLUMNS, rows, { register: true }));
  return blocks;
}

/**
 * The log's columns on A4 landscape at the register's 10 pt: the action has most of the width
 * (a typical action, its meeting and its latest update take two or three lines), and the
 * others are as wide as their longest token ("A10234", "Done 05/02/2020", a surname).
 */
const REGISTER_COLUMNS: Column[] = [
  { header: 'Ref', width: 7 },
  { header: 'Action', width: 56 },
  { header: 'Owner', width: 15 },
  { header: 'Due', width: 10 },
  { header: 'Status', width: 12 },
];

export function actionLogDocument(actions: Action[], meta: ActionLogMeta, revisions: ReadonlyMap<number, DueRevision[]> = new Map()): Document {
  return buildDocument(
    { title: `Action log: ${meta.scope}`, subject: 'Action log', marking: meta.marking, headerText: `Action log: ${meta.scope}`, headerDate: formatDateLong(meta.asAt) },
    [{ landscape: true, children: actionLogBlocks(actions, meta, revisions) }],
  );
}
