import { writeDocx } from '../documents/docx';
import { writeDataWorkbook } from '../documents/xlsx';
import { isoToday, type Ctx } from '../shared/context';
import { ACTION_STATUS_LABELS } from './action-rules';
import { actionLogDocument, type ActionLogMeta } from './action-log-docx';
import { actionLogWorkbook } from './action-log-xlsx';
import { agendaDocument } from './agenda-docx';
import { exported, type ExportResult } from '../documents/export-result';
import type { ActionLogFilter, AgendaExportResult, MeetingDetail, ProtectiveMarking } from './contract';
import { dateRangeText } from '../documents/register-filter';
import { minutesDocument } from './minutes-docx';
import { actionLog, boards, meetings } from './repository';
import { dueRevisions } from './action-edits';

/**
 * The meetings area's exports: build the document from the same data the screens show,
 * then write it atomically (a failed export never leaves half a file; a file Word holds
 * open gets a message saying so — see main/documents/atomic-write.ts).
 */
export async function exportAgenda(_ctx: Ctx, detail: MeetingDetail, out: string): Promise<AgendaExportResult> {
  const written = await writeDocx(out, agendaDocument(detail));
  return { ...exported(written), items: detail.agenda.length };
}

export async function exportMinutes(_ctx: Ctx, detail: MeetingDetail, out: string): Promise<AgendaExportResult> {
  const written = await writeDocx(out, minutesDocument(detail));
  return { ...exported(written), items: detail.agenda.length };
}

async function describeFilter(ctx: Ctx, f: ActionLogFilter): Promise<string> {
  const parts: string[] = [];
  if (f.meetingId !== null) {
    const m = await meetings.get(ctx, f.meetingId);
    if (m) parts.push(`from the meeting of ${m.startsAt.slice(0, 10).split('-').reverse().join('/')}`);
  }
  if (f.statuses.length > 0) parts.push(f.statuses.map((s) => ACTION_STATUS_LABELS[s].toLowerCase()).join(' or '));
  if (f.openOnly) parts.push('open or in progress');
  if (f.overdue) parts.push('overdue only');
  const dates = dateRangeText(f.from, f.to);
  if (dates) parts.push(`agreed ${dates}`);
  if (f.ownerPersonId !== null || f.ownerOrganisationId !== null) parts.push('one owner');
  if (f.search) parts.push(`matching “${f.search}”`);
  return parts.join(', ');
}

export async function actionLogMeta(ctx: Ctx, f: ActionLogFilter): Promise<ActionLogMeta> {
  const today = isoToday(ctx);
  const all = await boards.list(ctx, today);
  let boardId = f.boardId;
  if (boardId === null && f.meetingId !== null) boardId = (await meetings.get(ctx, f.meetingId))?.boardId ?? null;
  const scoped = boardId === null ? all : all.filter((b) => b.id === boardId);
  // The log carries the strictest marking of the boards it covers.
  const marking: ProtectiveMarking = scoped.some((b) => b.protectiveMarking === 'OFFICIAL-SENSITIVE') ? 'OFFICIAL-SENSITIVE' : 'OFFICIAL';
  return { scope: boardId === null ? 'all boards' : (scoped[0]?.name ?? 'board'), asAt: today, marking, filterText: await describeFilter(ctx, f) };
}

export async function exportActionLog(ctx: Ctx, f: ActionLogFilter, format: 'docx' | 'xlsx', out: string): Promise<ExportResult> {
  const list = await actionLog.rows(ctx, f, isoToday(ctx));
  const meta = await actionLogMeta(ctx, f);
  const revisions = await dueRevisions.ofMany(ctx, list.filter((a) => a.dueRevisionCount > 0).map((a) => a.id));
  const book = format === 'xlsx' ? actionLogWorkbook(list, meta, revisions) : undefined;
  const written = book ? await writeDataWorkbook(out, book.meta, book.sheets) : await writeDocx(out, actionLogDocument(list, meta, revisions));
  return exported(written, { rows: list.length });
}
