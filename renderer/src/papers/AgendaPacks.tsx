import { useEffect, useState } from 'react';
import type { PackIssueSummary, PackPlan } from '../../../main/papers/contract';
import { api, call, messageOf } from '../api';
import { ErrorSummary } from '../components/ErrorSummary';
import { ExportForm, exportPlan } from '../components/ExportForm';
import { SelectField } from '../components/fields';
import { usePapers } from './store';
import { dayOf, stamp } from './text';

const KIND: Record<string, string> = { late: 'Late paper', revised: 'Revised', withdrawn: 'Withdrawn' };

/** A meeting's agenda pack: what it holds, what changed since issue, export and issue. */
export function AgendaPacks() {
  const meetings = usePapers((s) => s.meetings);
  const boards = usePapers((s) => s.boards);
  const boardName = (id: number) => boards.find((b) => b.id === id)?.name ?? '';
  const [meetingId, setMeetingId] = useState('');
  const [isPublic, setPublic] = useState(false);
  const [plan, setPlan] = useState<PackPlan | null>(null);
  const [issues, setIssues] = useState<PackIssueSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState('');

  useEffect(() => {
    if (!meetingId) return;
    let live = true;
    Promise.all([call(api().agendaPack.plan({ meetingId: Number(meetingId), public: isPublic })), call(api().agendaPack.issues({ meetingId: Number(meetingId) }))]).then(
      ([p, i]) => {
        if (!live) return;
        setPlan(p);
        setIssues(i.filter((x) => x.public === isPublic));
      },
      (err: unknown) => live && setError(messageOf(err)),
    );
    return () => {
      live = false;
    };
  }, [meetingId, isPublic, done]);

  /** The pack's suggested file name (the Save dialog offers it, or the download is called it). */
  const meeting = meetings.find((x) => String(x.id) === meetingId);
  const packName = meeting ? `${meeting.boardCode} agenda pack ${meeting.startsAt.slice(0, 10)}${isPublic ? ' public' : ''}` : 'Agenda pack';
  // The same pack either way: Word to edit or print, PDF (bookmarks, page numbers from the cover) to send to members.
  const formats = [
    { value: 'pdf', label: 'PDF: one file for board members, with bookmarks', fileName: `${packName}.pdf` },
    { value: 'docx', label: 'Word document', fileName: `${packName}.docx` },
  ];

  async function issue() {
    setError(null);
    try {
      const r = await call(api().agendaPack.issue({ meetingId: Number(meetingId), public: isPublic }));
      setDone(`Issue ${r.issueNumber} recorded: ${r.parts.length === 1 ? '1 paper kept as it went out, with its pages' : `${r.parts.length} papers kept as they went out, with their pages`}.`);
    } catch (err) {
      setError(messageOf(err));
    }
  }

  return (
    <div className="panel">
      <div className="field-row">
        <SelectField
          name="packMeeting"
          label="Meeting"
          value={meetingId}
          onChange={(id) => {
            setMeetingId(id);
            setError(null);
          }}
          options={[{ value: '', label: 'Choose a meeting' }, ...meetings.map((m) => ({ value: String(m.id), label: `${boardName(m.boardId)}, ${dayOf(m.startsAt)}` }))]}
        />
        <div className="field">
          <label className="checkbox papers-row-checkbox">
            <input
              type="checkbox"
              checked={isPublic}
              onChange={(e) => setPublic(e.target.checked)}
            /> Public pack (confidential items left out)
          </label>
        </div>
      </div>
      {error && <ErrorSummary message={error} />}
      <p role="status">{done}</p>
      {plan && meetingId && (
        <>
          <p>
            {plan.issued === 0 ? 'Not issued yet.' : `Issued ${plan.issued} ${plan.issued === 1 ? 'time' : 'times'}${issues.length ? `, last on ${stamp(issues[issues.length - 1]!.issuedAt)}` : ''}.`}{' '}
            {plan.pendingChanges.length > 0 && `${plan.pendingChanges.length} ${plan.pendingChanges.length === 1 ? 'change' : 'changes'} since then will go in Supplement ${plan.pendingChanges[0]!.supplement}.`}
          </p>
          <table className="table">
            <caption>Papers in the pack, in agenda order</caption>
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Paper</th>
                <th scope="col">Where</th>
                <th scope="col" className="numeric">
                  Pages
                </th>
              </tr>
            </thead>
            <tbody>
              {plan.parts.map((p, i) => (
                <tr key={i}>
                  <td>{p.itemNumber}</td>
                  <td>
                    {p.paperReference} {p.paperTitle}
                  </td>
                  <td>{p.kind === 'supplement' ? `Supplement ${p.supplement}` : 'Main pack'}</td>
                  <td className="numeric">{p.startPage !== null && p.pageCount !== null ? `${p.startPage}–${p.startPage + p.pageCount - 1}` : 'Not issued'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {plan.pendingChanges.length > 0 && (
            <ul>
              {plan.pendingChanges.map((c, i) => (
                <li key={i}>
                  {KIND[c.kind]}: item {c.itemNumber}, {c.title}
                  {c.replacesPages ? ` (replaces pages ${c.replacesPages})` : ''}
                </li>
              ))}
            </ul>
          )}
          {plan.leftOut.map((l, i) => (
            <p key={i} className="hint">
              Left out: item {l.itemNumber}, {l.reason}.
            </p>
          ))}
          {plan.warnings.map((w, i) => (
            <p key={i} className="hint">
              {w.message}
            </p>
          ))}
          <ExportForm
            id="pack-export"
            choices={formats}
            legend="Format"
            submitLabel={(c) => (c.value === 'pdf' ? 'Export pack as PDF' : 'Export pack as Word')}
            plan={() =>
              // What the plan cannot know before the pages are laid out (issued papers moved by a longer agenda) is said after "Saved …".
              exportPlan('agendaPack.export', { meetingId: Number(meetingId), public: isPublic }, (r) => r.warnings.filter((w) => w.code === 'agendaPack.pagesMoved').map((w) => w.message).join(' ') || undefined)
            }
          />
          <div className="button-row">
            <button type="button" className="button button-secondary" onClick={() => void issue()} disabled={plan.issued > 0 && plan.pendingChanges.length === 0}>
              {plan.issued === 0 ? 'Record as issued' : plan.pendingChanges.length ? 'Record the supplement as issued' : 'Nothing new to issue'}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
