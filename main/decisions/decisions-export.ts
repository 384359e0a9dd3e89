import { buildDocument, dataTable, heading, paragraph, plainText, title, writeDocx, type CellValue, type RichText } from '../documents/docx';
import { fitColumns } from '../documents/fit-columns';
import { houseStyle } from '../documents/house-style';
import { writeDataWorkbook, type SheetColumn } from '../documents/xlsx';
import { isoToday, type Ctx } from '../shared/context';
import { formatDateLong, formatDateShort } from '../shared/dates';
import { formatPence } from '../shared/money';
import type { ProtectiveMarking } from '../shared/protective-marking';
import { exportMarking } from '../workspace/settings';
import { exported, type ExportResult } from '../documents/export-result';
import { dateRangeText } from '../documents/register-filter';
import type { Decision, DecisionLogFilter } from './contract';
import { DECISION_STATUS_LABELS, DECISION_TYPE_LABELS } from './decision-rules';
import { decisionLog, refs } from './repository';

/**
 * The decisions log as documents: a Word table fit for a board pack (landscape, a header
 * row that repeats, one row per decision) and an Excel sheet (filters, frozen header, dates
 * as dates, amounts as £).
 */

/**
 * A reference or code inside running text, with non-breaking hyphens: at a line's end it
 * would otherwise wrap at a hyphen ("TG-D-2025-" / "001", "HO-" / "1"). pdftotext reads
 * them back as plain hyphens; the reference in the row's own column is left plain, to copy.
 */
function unbroken(code: string): string {
  return code.replace(/-/g, '\u2011');
}

async function filterText(ctx: Ctx, f: DecisionLogFilter): Promise<string> {
  const parts: string[] = [];
  if (f.boardId !== null) parts.push((await refs.board(ctx, f.boardId))?.name ?? `board ${f.boardId}`);
  if (f.decidedBy === 'commissioner') parts.push('decisions of the Commissioner alone');
  if (f.status !== null) parts.push(DECISION_STATUS_LABELS[f.status].toLowerCase());
  if (f.openOnly) parts.push('open only (proposed or deferred)');
  if (f.type !== null) parts.push(`type: ${DECISION_TYPE_LABELS[f.type].toLowerCase()}`);
  const dates = dateRangeText(f.from, f.to);
  if (dates) parts.push(`decided ${dates}${f.withUndated ? ', and those not dated yet' : ''}`);
  if (f.search) parts.push(`matching “${f.search}”`);
  return parts.length ? `Showing: ${parts.join('; ')}.` : 'Showing every decision.';
}

/**
 * The log's protective marking: OFFICIAL-SENSITIVE when it includes a confidential decision
 * (whose notice is marked so too), otherwise the workspace's default marking.
 */
export async function logMarking(ctx: Ctx, rows: readonly Decision[]): Promise<ProtectiveMarking> {
  return rows.some((d) => d.confidential) ? 'OFFICIAL-SENSITIVE' : await exportMarking(ctx);
}

/**
 * The Word register: A4 landscape, the register's small text, one row a decision, rows that
 * may break across a page under a repeated header. The decision's text has most of the
 * width; the reference and its date share the first column (two short lines, no taller than
 * the decision beside them). The board is in the reference (SB-D-…, PCC-D-… for the
 * Commissioner); the meeting's agenda item is in the Excel register. Columns are at least as
 * wide as their longest token at 9 pt (a reference, a date, "superseded", the largest
 * amount), so none is split; the decision has what is left, the owner an eighth of that.
 */
async function writeLogDocx(ctx: Ctx, rows: Decision[], filter: DecisionLogFilter, out: string) {
  const body: CellValue[][] = rows.map((d) => {
    const extra = [
      d.agendaItemMinuteNumber ? `Minute ${unbroken(d.agendaItemMinuteNumber)}.` : '',
      // In the decision's text rather than the narrow status column, where the reference would break.
      // Non-breaking hyphens: in running text a reference would otherwise wrap at a hyphen
      // ("TG-D-2025-" / "001"). The reference is printed whole, with plain hyphens, in its own row.
      d.status === 'superseded' && d.supersededByReference ? `Superseded by ${unbroken(d.supersededByReference)}.` : '',
      d.fundingStreamName ? `Funding: ${d.fundingStreamName}.` : '',
      d.implementationDueOn ? `Due ${formatDateShort(d.implementationDueOn)}.` : '',
      d.reviewOn ? `Review ${formatDateShort(d.reviewOn)}.` : '',
      d.indicators.length ? `Indicators: ${d.indicators.map((i) => unbroken(i.code)).join(', ')}.` : '',
    ].filter(Boolean);
    const decided = d.decidedOn ?? d.meetingStartsAt?.slice(0, 10) ?? null;
    return [
      [{ text: d.reference, bold: true }, ` ${decided ? formatDateShort(decided) : 'Not dated'}`],
      [{ text: d.title, bold: true }, d.text ? ` — ${d.text.replace(/\s*\n+\s*/g, ' ')}` : '', extra.length ? ` ${extra.join(' ')}` : ''],
      `${DECISION_TYPE_LABELS[d.type]}: ${DECISION_STATUS_LABELS[d.status].toLowerCase()}`,
      d.ownerName ?? '',
      d.financialAmountPence === null ? '' : formatPence(d.financialAmountPence),
    ];
  });
  const doc = buildDocument(
    { title: 'Decisions log', subject: 'Decisions log', marking: await logMarking(ctx, rows), headerText: 'Decisions log', headerDate: formatDateLong(isoToday(ctx)) },
    [
      {
        landscape: true,
        children: [
          title('Decisions log'),
          paragraph(await filterText(ctx, filter), { muted: true }),
          heading(`Decisions (${rows.length})`, 1),
          ...(rows.length === 0
            ? [paragraph('No decisions match.')]
            : dataTable(
                fitColumns(
                  [
                    { header: 'Reference and date', weight: 0 },
                    { header: 'Decision', weight: 95 },
                    { header: 'Type and status', weight: 0 },
                    { header: 'Owner', weight: 5 },
                    { header: 'Amount', weight: 0, align: 'right', whole: true },
                  ],
                  body.map((r) => r.map((c) => plainText(c as RichText))),
                  { landscape: true, sizePt: houseStyle.registerSizePt },
                ),
                body,
                { register: true },
              )),
        ],
      },
    ],
  );
  return writeDocx(out, doc);
}

/**
 * The register columns first (what prints: A4 landscape, one page wide, about 170 characters
 * at some 75% of the sheet's 11 pt), then the detail kept on screen for filtering (who decided,
 * the agenda item, the paper, superseded by, dates to come, funding, indicators,
 * confidentiality). The meeting's date prints: a proposed decision has no "Decided on" yet,
 * and its meeting is when it will be.
 */
const SHEET_COLUMNS: SheetColumn[] = [
  { header: 'Reference', key: 'reference', type: 'text', width: 15 },
  { header: 'Decided on', key: 'decidedOn', type: 'date', width: 12 },
  { header: 'Meeting', key: 'meetingDate', type: 'date', width: 11 },
  { header: 'Board', key: 'board', type: 'text', width: 16 },
  { header: 'Title', key: 'title', type: 'text', width: 24 },
  { header: 'Decision', key: 'text', type: 'text', width: 52 },
  { header: 'Type', key: 'type', type: 'text', width: 9 },
  { header: 'Status', key: 'status', type: 'text', width: 11 },
  { header: 'Owner', key: 'owner', type: 'text', width: 16 },
  { header: 'Amount', key: 'amount', type: 'pence', width: 13 },
  { header: 'Decided by', key: 'decidedBy', type: 'text', width: 14 },
  { header: 'Agenda item', key: 'agendaItem', type: 'text', width: 30 },
  { header: 'Paper', key: 'paper', type: 'text', width: 14 },
  { header: 'Superseded by', key: 'supersededBy', type: 'text', width: 16 },
  { header: 'Implementation due', key: 'due', type: 'date', width: 20 },
  { header: 'Review date', key: 'review', type: 'date', width: 12 },
  { header: 'Funding stream', key: 'stream', type: 'text', width: 28 },
  { header: 'Indicators', key: 'indicators', type: 'text', width: 24 },
  { header: 'Confidential', key: 'confidential', type: 'text', width: 13 },
  // Last, so the columns before keep their places for those who read the sheet by column.
  { header: 'Minute', key: 'minute', type: 'text', width: 12 },
];
/** Reference to amount (A–J) print; the page's header names them (xlsx.ts printSetup). */
const PRINTED_COLUMNS = 10;

async function writeLogXlsx(ctx: Ctx, rows: Decision[], filter: DecisionLogFilter, out: string) {
  return writeDataWorkbook(out, { title: 'Decisions log', subject: await filterText(ctx, filter) }, [{
    name: 'Decisions',
    title: `Decisions log — ${await filterText(ctx, filter)}`,
    marking: await logMarking(ctx, rows),
    columns: SHEET_COLUMNS,
    printColumns: PRINTED_COLUMNS,
    rows: rows.map((d) => ({
      reference: d.reference,
      // A decision of the Commissioner alone has no board: the printed log says so rather than leave the cell blank (as the filter names it).
      board: d.boardName ?? (d.decidedBy === 'commissioner' ? 'The Commissioner alone' : null),
      decidedBy: d.decidedBy === 'commissioner' ? 'Commissioner' : 'Board',
      decidedOn: d.decidedOn,
      meetingDate: d.meetingStartsAt?.slice(0, 10) ?? null,
      agendaItem: d.agendaItemTitle ? `${d.agendaItemPosition}. ${d.agendaItemTitle}` : null,
      minute: d.agendaItemMinuteNumber,
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
  }]);
}

export async function exportDecisionLog(ctx: Ctx, input: DecisionLogFilter & { format: 'docx' | 'xlsx'; out: string }): Promise<ExportResult> {
  const { format, out, ...filter } = input;
  const rows = await decisionLog.rows(ctx, filter);
  const written = format === 'docx' ? await writeLogDocx(ctx, rows, filter, out) : await writeLogXlsx(ctx, rows, filter, out);
  return exported(written, { rows: rows.length });
}
