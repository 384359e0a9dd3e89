import { useState } from 'react';
import type { Action } from '../../../main/meetings/contract';
import { ACTION_STATUS_LABELS, ACTION_STATUSES, actionRef, type ActionStatus } from '../../../main/meetings/labels';
import { messageOf } from '../api';
import { ACTIONS_COLUMN } from '../components/DataTable';
import { VirtualTable } from '../components/VirtualTable';
import { ErrorSummary } from '../components/ErrorSummary';
import { ExportForm, exportPlan } from '../components/ExportForm';
import { SearchBox } from '../components/SearchBox';
import { SelectField } from '../components/fields';
import { RegisterFilterFields, type RegisterFilterValue } from '../components/RegisterFilterFields';
import { counted } from '../components/words';
import { meetingHref } from '../meetings/route';
import { longDate, shortDate } from '../meetings/text';
import { useActionChoices, useActionLog, useActions, useWeek } from './store';
import { ActionEditDialog } from './ActionEditDialog';
import '../meetings/meetings.css';

/** The action log across boards: filters, overdue rows marked, every field editable (revised due dates with their reasons), Chase, dated updates, exports. */
export function ActionsArea() {
  const filter = useActions((s) => s.filter);
  const setFilter = useActions((s) => s.setFilter);
  const log = useActionLog(filter);
  const week = useWeek().data;
  const { boards, people, error: choicesError } = useActionChoices();
  const [updating, setUpdating] = useState<Action | null>(null);
  const error = log.error ?? choicesError;
  const status = filter.statuses.length === 0 ? '' : filter.statuses.length === 2 && filter.statuses.includes('open') && filter.statuses.includes('in_progress') ? 'live' : filter.statuses[0]!;

  return (
    <>
      <h1>Actions</h1>
      {week && (
        <section className="panel" aria-labelledby="week-title">
          <h2 id="week-title">{`This week (${longDate(week.weekStart)} to ${longDate(week.weekEnd)})`}</h2>
          <p>
            {`${week.dueThisWeek.length} ${week.dueThisWeek.length === 1 ? 'action falls' : 'actions fall'} due this week; ${week.overdue.total} ${week.overdue.total === 1 ? 'is' : 'are'} overdue.`}
          </p>
          {week.dueThisWeek.length > 0 && (
            <ul className="plain-list">
              {week.dueThisWeek.map((a) => (
                <li key={a.id}>{`${actionRef(a.id)} ${a.description} — ${a.ownerName}, due ${shortDate(a.dueOn)}`}</li>
              ))}
            </ul>
          )}
        </section>
      )}
      <div className="toolbar">
        <SearchBox id="actions-search" label="Search actions" value={filter.search} onSearch={(search) => setFilter({ search })} />
        <SelectField
          name="actions-board"
          label="Board"
          value={filter.boardId === null ? '' : String(filter.boardId)}
          onChange={(v) => setFilter({ boardId: v ? Number(v) : null })}
          options={[{ value: '', label: 'All boards' }, ...boards.map((b) => ({ value: String(b.id), label: b.name }))]}
        />
        <SelectField
          name="actions-owner"
          label="Owner"
          value={filter.ownerPersonId === null ? '' : String(filter.ownerPersonId)}
          onChange={(v) => setFilter({ ownerPersonId: v ? Number(v) : null })}
          options={[{ value: '', label: 'Anyone' }, ...people.map((p) => ({ value: String(p.id), label: `${p.givenName} ${p.familyName}` }))]}
        />
        <SelectField
          name="actions-status"
          label="Status"
          value={status}
          onChange={(v) => setFilter({ statuses: v === '' ? [] : v === 'live' ? ['open', 'in_progress'] : [v as ActionStatus] })}
          options={[
            { value: 'live', label: 'Open or in progress' },
            { value: '', label: 'Any status' },
            ...ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] })),
          ]}
        />
        <label className="checkbox">
          <input type="checkbox" checked={filter.overdue} onChange={(e) => setFilter({ overdue: e.target.checked })} />
          Overdue only
        </label>
      </div>
      {error && <ErrorSummary message={messageOf(error)} />}
      <p className="result-count" role="status">
        {log.loaded ? `${counted(log.total, 'action')}, ${log.overdue} overdue` : 'Loading…'}
      </p>
      <VirtualTable
        caption="Action log"
        testId="action-log"
        rows={log.rows}
        total={log.total}
        hasMore={log.hasMore}
        loadingMore={log.loadingMore}
        loadMore={log.loadMore}
        rowKey={(a) => a.id}
        rowClassName={(a) => (a.overdue ? 'overdue' : undefined)}
        onOpen={setUpdating}
        rowHeight={64}
        columns={[
          { header: 'Ref', width: '8%', rowHeader: true, cell: (a) => actionRef(a.id) },
          {
            header: 'Action',
            width: '41%',
            cell: (a) => (
              <>
                {a.description}
                <span className="agenda-meta">
                  {a.meetingId !== null ? <a href={meetingHref(a.meetingId)}>{`${a.boardName ?? ''}, ${longDate(a.meetingStartsAt)}`}</a> : (a.boardName ?? '')}
                  {a.agendaItemMinuteNumber ? ` · Minute ${a.agendaItemMinuteNumber}` : ''}
                  {a.latestUpdate ? ` · Update ${shortDate(a.latestUpdate.updatedOn)}: ${a.latestUpdate.text}` : ''}
                  {a.originalDueOn ? ` · Due date revised${a.dueRevisionCount > 1 ? ` ${a.dueRevisionCount} times` : ''}: ${a.latestDueReason ?? ''}` : ''}
                </span>
              </>
            ),
          },
          { header: 'Owner', width: '18%', cell: (a) => a.ownerName },
          {
            header: 'Due',
            width: '13%',
            cell: (a) => (
              <>
                {a.dueOn ? shortDate(a.dueOn) : 'No date'}
                {a.originalDueOn && <span className="agenda-meta">{`originally ${shortDate(a.originalDueOn)}`}</span>}
              </>
            ),
          },
          {
            header: 'Status',
            width: '11%',
            cell: (a) => (
              <>
                {ACTION_STATUS_LABELS[a.status]}
                {a.overdue && <span className="overdue-tag"> Overdue</span>}
              </>
            ),
          },
          {
            ...ACTIONS_COLUMN,
            header: 'Change',
            width: '9%',
            cell: (a) => (
              <button type="button" className="button-link" aria-label={`Update ${actionRef(a.id)}`} onClick={() => setUpdating(a)}>
                Update
              </button>
            ),
          },
        ]}
      />
      <ActionLogExport />
      {updating && (
        <ActionEditDialog action={updating} current={log.rows.find((x) => x.id === updating.id) ?? updating} weekEnd={week?.weekEnd ?? null} onClose={() => setUpdating(null)} />
      )}
    </>
  );
}

/** The screen's status choice as the export's: one status, or "open only" for open or in progress. */
function exportStatusOf(statuses: readonly ActionStatus[]): { status: string; openOnly: boolean } {
  if (statuses.length === 2 && statuses.includes('open') && statuses.includes('in_progress')) return { status: '', openOnly: true };
  return { status: statuses.length === 1 ? statuses[0]! : '', openOnly: false };
}

/**
 * The action log's export: its own board, status, dates and open only, starting from the
 * screen's filter (and following it when that changes); the owner, overdue and search
 * filters of the screen apply as they are.
 */
function ActionLogExport() {
  const filter = useActions((s) => s.filter);
  const { boards } = useActionChoices();
  const screen = { boardId: filter.boardId, ...exportStatusOf(filter.statuses) };
  const [v, setV] = useState<RegisterFilterValue>({ ...screen, from: null, to: null });
  // Follows the screen's board and status when they change (set while rendering, as React advises, not in an effect).
  const screenKey = `${filter.boardId}|${filter.statuses.join(',')}`;
  const [followed, setFollowed] = useState(screenKey);
  if (followed !== screenKey) {
    setFollowed(screenKey);
    setV((old) => ({ ...old, ...screen }));
  }
  const also = [filter.ownerPersonId !== null || filter.ownerOrganisationId !== null ? 'one owner' : '', filter.overdue ? 'overdue only' : '', filter.search ? `matching “${filter.search}”` : ''].filter(Boolean);
  return (
    <section className="section" aria-labelledby="actions-export-title">
      <h2 id="actions-export-title">Export the action log</h2>
      <p className="hint">{`The file holds the actions these filters keep${also.length ? ` (and, as on the screen, ${also.join(', ')})` : ''}.`}</p>
      <ExportForm
        id="actions-export"
        choices={[
          { value: 'docx', label: 'Word (.docx)', fileName: 'Action log.docx' },
          { value: 'xlsx', label: 'Excel (.xlsx)', fileName: 'Action log.xlsx' },
        ]}
        submitLabel="Export action log"
        plan={(format) =>
          exportPlan(
            'action.exportLog',
            {
              boardId: v.boardId,
              meetingId: filter.meetingId,
              ownerPersonId: filter.ownerPersonId,
              ownerOrganisationId: filter.ownerOrganisationId,
              statuses: v.status === '' ? [] : [v.status as ActionStatus],
              overdue: filter.overdue,
              search: filter.search,
              from: v.from,
              to: v.to,
              openOnly: v.openOnly,
              format: format as 'docx' | 'xlsx',
            },
            (r) => `${counted(r.rows ?? 0, 'action')}.`,
          )
        }
      >
        {(refusal) => (
          <RegisterFilterFields
            id="actions-export"
            value={v}
            onChange={(patch) => setV((old) => ({ ...old, ...patch }))}
            boards={boards}
            statuses={ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }))}
            dateHint="The date the action was agreed: its meeting’s, else the day it was recorded"
            openLabel="Open only (open or in progress)"
            error={refusal}
          />
        )}
      </ExportForm>
    </section>
  );
}
