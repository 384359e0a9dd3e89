import type { DataSheetSpec, DataWorkbook } from '../documents/xlsx';
import { formatDateLong } from '../shared/dates';
import { ACTION_STATUS_LABELS } from './action-rules';
import type { Action } from './contract';
import type { ActionLogMeta } from './action-log-docx';
import { actionRef } from './document-text';
import { revisionLines, type DueRevision } from './action-edits';

/** The action log as an Excel data sheet: one row per action, dates as dates, filters on (written streamed by writeDataWorkbook). */
export function actionLogWorkbook(actions: Action[], meta: ActionLogMeta, revisions: ReadonlyMap<number, DueRevision[]> = new Map()): DataWorkbook {
  const sheet: DataSheetSpec = {
    name: 'Action log',
    marking: meta.marking,
    title: `${meta.marking} — Action log: ${meta.scope}, as at ${formatDateLong(meta.asAt)}${meta.filterText ? ` (${meta.filterText})` : ''}`,
    // The register the board reads comes first and is what prints (A4 landscape, one page wide,
    // at some 75% of the sheet's 11 pt), the due date's history with it (first agreed, each
    // revision with its reason: blank for an action never revised); the agenda item, completion
    // and the update's date stay on screen.
    printColumns: 11,
    columns: [
      { header: 'Ref', key: 'ref', type: 'text', width: 8 },
      { header: 'Board', key: 'board', type: 'text', width: 16 },
      { header: 'Meeting', key: 'meeting', type: 'date', width: 11 },
      { header: 'Action', key: 'description', type: 'text', width: 36 },
      { header: 'Owner', key: 'owner', type: 'text', width: 18 },
      { header: 'Due', key: 'due', type: 'date', width: 11 },
      { header: 'Originally due', key: 'originalDue', type: 'date', width: 11 },
      { header: 'Due date revisions', key: 'revisions', type: 'text', width: 22 },
      { header: 'Status', key: 'status', type: 'text', width: 12 },
      { header: 'Overdue', key: 'overdue', type: 'text', width: 9 },
      { header: 'Latest update', key: 'update', type: 'text', width: 30 },
      { header: 'Item', key: 'item', type: 'text', width: 28 },
      { header: 'Completed', key: 'completed', type: 'date', width: 12 },
      { header: 'Latest update on', key: 'updatedOn', type: 'date', width: 17 },
      // Last, so the columns before keep their places for those who read the sheet by column.
      { header: 'Minute', key: 'minute', type: 'text', width: 12 },
    ],
    rows: actions.map((a) => ({
      ref: actionRef(a.id),
      board: a.boardName,
      meeting: a.meetingStartsAt?.slice(0, 10),
      item: a.agendaItemTitle,
      minute: a.agendaItemMinuteNumber,
      description: a.description,
      owner: a.ownerName,
      due: a.dueOn,
      status: ACTION_STATUS_LABELS[a.status],
      overdue: a.overdue ? 'Yes' : 'No',
      completed: a.completedOn,
      updatedOn: a.latestUpdate?.updatedOn,
      update: a.latestUpdate?.text,
      originalDue: a.originalDueOn ?? undefined,
      revisions: revisionLines(revisions.get(a.id) ?? []).join('; ') || undefined,
    })),
  };
  return { meta: { title: `Action log: ${meta.scope}`, subject: `Action log as at ${formatDateLong(meta.asAt)} (${meta.marking})` }, sheets: [sheet] };
}
