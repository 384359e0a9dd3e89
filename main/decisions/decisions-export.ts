import { buildDocument, dataTable, paragraph, title, writeDocx, type CellValue } from '../documents/docx';
import { addDataSheet, newWorkbook, writeXlsx, type SheetColumn } from '../documents/xlsx';
import { isoToday, type Ctx } from '../shared/context';
import { formatDateLong, formatDateShort } from '../shared/dates';
import { formatPence } from '../shared/money';
import type { ProtectiveMarking } from '../shared/protective-marking';
import { exportMarking } from '../workspace/settings';
import { exported, type ExportResult } from '../documents/export-result';
import type { Decision, DecisionFilter } from './contract';
import { DECISION_STATUS_LABELS, DECISION_TYPE_LABELS } from './decision-rules';
import { decisions, refs } from './repository';

/**
 * The decisions log as documents: a Word table fit for a board pack (landscape, a header
 * row that repeats, one row per decision) and an Excel sheet (filters, frozen header, dates
 * as dates, amounts as £).
 */

function filterText(ctx: Ctx, f: DecisionFilter): string {
  const parts: string[] = [];
  if (f.boardId !== null) parts.push(refs.board(ctx, f.boardId)?.name ?? `board ${f.boardId}`);
  if (f.decidedBy === 'commissioner') parts.push('decisions of the Commissioner alone');
  if (f.status !== null) parts.push(DECISION_STATUS_LABELS[f.status].toLowerCase());
  if (f.type !== null) parts.push(`type: ${DECISION_TYPE_LABELS[f.type].toLowerCase()}`);
  if (f.from !== null) parts.push(`from ${formatDateLong(f.from)}`);
  if (f.to !== null) parts.push(`to ${formatDateLong(f.to)}`);
  if (f.search) parts.push(`matching “${f.search}”`);
  return parts.length ? `Showing: ${parts.join('; ')}.` : 'Showing every decision.';
}

function whereDecided(d: Decision): string {
  if (d.decidedBy === 'commissioner') return 'Commissioner (alone)';
  const item = d.agendaItemPosition !== null ? `, item ${d.agendaItemPosition}` : '';
  return `${d.boardName ?? 'Board'}${d.meetingStartsAt ? ` ${formatDateShort(d.meetingStartsAt)}${item}` : ''}`;
}

/**
 * The log's protective marking: OFFICIAL-SENSITIVE when it includes a confidential decision
 * (whose notice is marked so too), otherwise the workspace's default marking.
 */
export function logMarking(ctx: Ctx, rows: readonly Decision[]): ProtectiveMarking {
  return rows.some((d) => d.confidential) ? 'OFFICIAL-SENSITIVE' : exportMarking(ctx);
}

async function writeLogDocx(ctx: Ctx, rows: Decision[], filter: DecisionFilter, out: string) {
  const body: CellValue[][] = rows.map((d) => {
    const extra = [
      // In the decision's text rather than the narrow status column, where the reference would break.
      d.status === 'superseded' && d.supersededByReference ? `Superseded by ${d.supersededByReference}.` : '',
      d.fundingStreamName ? `Funding: ${d.fundingStreamName}.` : '',
      d.implementationDueOn ? `Due ${formatDateShort(d.implementationDueOn)}.` : '',
      d.reviewOn ? `Review ${formatDateShort(d.reviewOn)}.` : '',
      d.indicators.length ? `Indicators: ${d.indicators.map((i) => i.code).join(', ')}.` : '',
    ].filter(Boolean);
    return [
      d.reference,
      d.decidedOn ? formatDateShort(d.decidedOn) : '',
      [{ text: d.title, bold: true }, d.text ? ` — ${d.text.replace(/\s*\n+\s*/g, ' ')}` : '', extra.length ? ` ${extra.join(' ')}` : ''],
      whereDecided(d),
      `${DECISION_TYPE_LABELS[d.type]}: ${DECISION_STATUS_LABELS[d.status].toLowerCase()}`,
      d.ownerName ?? '',
      d.financialAmountPence === null ? '' : formatPence(d.financialAmountPence),
    ];
  });
  const doc = buildDocument(
    { title: 'Decisions log', subject: 'Decisions log', marking: logMarking(ctx, rows), headerText: 'Decisions log', headerDate: formatDateLong(isoToday(ctx)) },
    [
      {
        landscape: true,
        children: [
          title('Decisions log'),
          paragraph(filterText(ctx, filter), { muted: true }),
          ...(rows.length === 0
            ? [paragraph('No decisions match.')]
            : dataTable(
                [
                  // Each wide enough for its longest word (a reference, a date, "superseded", a surname, £1,000,000), so none is split.
                  { header: 'Reference', width: 15 },
                  { header: 'Decided', width: 10 },
                  { header: 'Decision', width: 29 },
                  { header: 'By', width: 13 },
                  { header: 'Type and status', width: 12 },
                  { header: 'Owner', width: 10 },
                  { header: 'Amount', width: 11, align: 'right' },
                ],
                body,
              )),
        ],
      },
    ],
  );
  return writeDocx(out, doc);
}

const SHEET_COLUMNS: SheetColumn[] = [
  { header: 'Reference', key: 'reference', type: 'text', width: 16 },
  { header: 'Board', key: 'board', type: 'text', width: 28 },
  { header: 'Decided by', key: 'decidedBy', type: 'text', width: 14 },
  { header: 'Decided on', key: 'decidedOn', type: 'date', width: 12 },
  { header: 'Meeting date', key: 'meetingDate', type: 'date', width: 12 },
  { header: 'Agenda item', key: 'agendaItem', type: 'text', width: 30 },
  { header: 'Paper', key: 'paper', type: 'text', width: 14 },
  { header: 'Title', key: 'title', type: 'text', width: 40 },
  { header: 'Decision', key: 'text', type: 'text', width: 60 },
  { header: 'Type', key: 'type', type: 'text', width: 10 },
  { header: 'Status', key: 'status', type: 'text', width: 12 },
  { header: 'Superseded by', key: 'supersededBy', type: 'text', width: 16 },
  { header: 'Owner', key: 'owner', type: 'text', width: 20 },
  { header: 'Implementation due', key: 'due', type: 'date', width: 14 },
  { header: 'Review date', key: 'review', type: 'date', width: 12 },
  { header: 'Amount', key: 'amount', type: 'pence', width: 14 },
  { header: 'Funding stream', key: 'stream', type: 'text', width: 28 },
  { header: 'Indicators', key: 'indicators', type: 'text', width: 24 },
  { header: 'Confidential', key: 'confidential', type: 'text', width: 12 },
];

async function writeLogXlsx(ctx: Ctx, rows: Decision[], filter: DecisionFilter, out: string) {
  const wb = newWorkbook({ title: 'Decisions log', subject: filterText(ctx, filter) });
  addDataSheet(wb, {
    name: 'Decisions',
    title: `Decisions log — ${filterText(ctx, filter)}`,
    marking: logMarking(ctx, rows),
    columns: SHEET_COLUMNS,
    rows: rows.map((d) => ({
      reference: d.reference,
      board: d.boardName,
      decidedBy: d.decidedBy === 'commissioner' ? 'Commissioner' : 'Board',
      decidedOn: d.decidedOn,
      meetingDate: d.meetingStartsAt?.slice(0, 10) ?? null,
      agendaItem: d.agendaItemTitle ? `${d.agendaItemPosition}. ${d.agendaItemTitle}` : null,
      paper: d.paperReference,
      title: d.title,
      text: d.text,
      type: DECISION_TYPE_LABELS[d.type],
      status: DECISION_STATUS_LABELS[d.status],
      supersededBy: d.supersededByReference,
      owner: d.ownerName,
      due: d.implementationDueOn,
      review: d.reviewOn,
      amount: d.financialAmountPence,
      stream: d.fundingStreamName,
      indicators: d.indicators.map((i) => i.code).join(', '),
      confidential: d.confidential ? `Yes: ${d.confidentialReason}` : 'No',
    })),
  });
  return writeXlsx(out, wb);
}

export async function exportDecisionLog(ctx: Ctx, input: DecisionFilter & { format: 'docx' | 'xlsx'; out: string }): Promise<ExportResult> {
  const { format, out, ...filter } = input;
  const rows = decisions.list(ctx, filter);
  const written = format === 'docx' ? await writeLogDocx(ctx, rows, filter, out) : await writeLogXlsx(ctx, rows, filter, out);
  return exported(written, { rows: rows.length });
}
