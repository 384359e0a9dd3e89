import { useEffect, useState, type FormEvent } from 'react';
import type { Action } from '../../../main/meetings/contract';
import { ACTION_STATUS_LABELS, ACTION_STATUSES, actionRef, type ActionStatus } from '../../../main/meetings/labels';
import { api, call, messageOf } from '../api';
import { Dialog } from '../components/Dialog';
import { ErrorSummary } from '../components/ErrorSummary';
import { SearchBox } from '../components/SearchBox';
import { SelectField, TextField } from '../components/fields';
import { meetingHref } from '../meetings/route';
import { folderOf, joinPath } from '../meetings/store';
import { longDate, shortDate } from '../meetings/text';
import { useWorkspace } from '../workspace/store';
import { useActions } from './store';
import '../meetings/meetings.css';

/** The action log across boards: filters, overdue rows marked, status changes and dated updates, exports. */
export function ActionsArea() {
  const { actions, loaded, error, week, boards, people, filter } = useActions();
  const load = useActions((s) => s.load);
  const loadChoices = useActions((s) => s.loadChoices);
  const setFilter = useActions((s) => s.setFilter);
  const [updating, setUpdating] = useState<Action | null>(null);
  const [exporting, setExporting] = useState<'docx' | 'xlsx' | null>(null);
  const [done, setDone] = useState('');

  useEffect(() => {
    void load();
    void loadChoices();
  }, [load, loadChoices]);

  const overdueCount = actions.filter((a) => a.overdue).length;
  return (
    <>
      <h1>Actions</h1>
      {week && (
        <section className="panel" aria-labelledby="week-title">
          <h2 id="week-title">{`This week (${longDate(week.weekStart)} to ${longDate(week.weekEnd)})`}</h2>
          <p>
            {`${week.dueThisWeek.length} ${week.dueThisWeek.length === 1 ? 'action falls' : 'actions fall'} due this week; ${week.overdue.length} ${week.overdue.length === 1 ? 'is' : 'are'} overdue.`}
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
          value={filter.statuses.length === 2 && filter.statuses.includes('open') ? 'live' : (filter.statuses[0] ?? '')}
          onChange={(v) => setFilter({ statuses: v === '' ? [] : v === 'live' ? ['open', 'in_progress'] : [v as ActionStatus] })}
          options={[
            { value: '', label: 'Any status' },
            { value: 'live', label: 'Open or in progress' },
            ...ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] })),
          ]}
        />
        <label className="checkbox">
          <input type="checkbox" checked={filter.overdue} onChange={(e) => setFilter({ overdue: e.target.checked })} />
          Overdue only
        </label>
      </div>
      {error && <ErrorSummary message={error} />}
      <p className="result-count" role="status">
        {loaded ? `${actions.length} ${actions.length === 1 ? 'action' : 'actions'}, ${overdueCount} overdue` : 'Loading…'}
      </p>
      {actions.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">Action log</caption>
          <thead>
            <tr>
              <th scope="col">Ref</th>
              <th scope="col">Action</th>
              <th scope="col">Owner</th>
              <th scope="col">Due</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Change</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {actions.map((a) => (
              <tr key={a.id} className={a.overdue ? 'overdue' : undefined}>
                <th scope="row">{actionRef(a.id)}</th>
                <td>
                  {a.description}
                  <span className="agenda-meta">
                    {a.meetingId !== null ? <a href={meetingHref(a.meetingId)}>{`${a.boardName ?? ''}, ${longDate(a.meetingStartsAt)}`}</a> : (a.boardName ?? '')}
                    {a.latestUpdate ? ` · Update ${shortDate(a.latestUpdate.updatedOn)}: ${a.latestUpdate.text}` : ''}
                  </span>
                </td>
                <td>{a.ownerName}</td>
                <td>{a.dueOn ? shortDate(a.dueOn) : 'No date'}</td>
                <td>
                  {ACTION_STATUS_LABELS[a.status]}
                  {a.overdue && <span className="overdue-tag"> Overdue</span>}
                </td>
                <td className="row-actions">
                  <button type="button" className="button-link" aria-label={`Update ${actionRef(a.id)}`} onClick={() => setUpdating(a)}>
                    Update
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => setExporting('docx')}>
          Export action log (.docx)
        </button>
        <button type="button" className="button button-secondary" onClick={() => setExporting('xlsx')}>
          Export action log (.xlsx)
        </button>
      </div>
      <p role="status">{done}</p>
      {updating && <UpdateDialog action={updating} onClose={() => setUpdating(null)} />}
      {exporting && (
        <ExportLogDialog
          format={exporting}
          onClose={() => setExporting(null)}
          onDone={(t) => {
            setDone(t);
            setExporting(null);
          }}
        />
      )}
    </>
  );
}

function UpdateDialog({ action, onClose }: { action: Action; onClose: () => void }) {
  const setStatus = useActions((s) => s.setStatus);
  const addUpdate = useActions((s) => s.addUpdate);
  const [status, setStatusValue] = useState<ActionStatus>(action.status);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      if (text.trim()) await addUpdate(action.id, text, null);
      if (status !== action.status) await setStatus(action.id, status);
      onClose();
    } catch (err) {
      setError(messageOf(err));
    }
  }

  return (
    <Dialog title={`Update ${actionRef(action.id)}`} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p>{action.description}</p>
        {error && <ErrorSummary message={error} />}
        <TextField name="update-text" label="Progress update (optional)" hint="Dated today" value={text} onChange={setText} />
        <SelectField name="update-status" label="Status" value={status} onChange={(v) => setStatusValue(v as ActionStatus)} options={ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }))} />
        <div className="button-row">
          <button type="submit" className="button">
            Save
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function ExportLogDialog({ format, onClose, onDone }: { format: 'docx' | 'xlsx'; onClose: () => void; onDone: (text: string) => void }) {
  const info = useWorkspace((s) => s.info);
  const filter = useActions((s) => s.filter);
  const name = `Action log.${format}`;
  const [out, setOut] = useState(info ? joinPath(folderOf(info.path), name) : name);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const r = await call(api().action.exportLog({ ...filter, format, out }));
      onDone(`Saved ${r.count} ${r.count === 1 ? 'action' : 'actions'} to ${r.path}.`);
    } catch (err) {
      setError(messageOf(err));
    }
  }

  return (
    <Dialog title={`Export the action log (${format === 'docx' ? 'Word' : 'Excel'})`} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {error && <ErrorSummary message={error} />}
        <p>The export holds the actions the current filter shows.</p>
        <TextField name="log-out" label="Save as" value={out} onChange={setOut} />
        <div className="button-row">
          <button type="submit" className="button">
            Export
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
