import { useEffect, useState, type FormEvent } from 'react';
import type { Board, Membership } from '../../../main/meetings/contract';
import { BOARD_KIND_LABELS, BOARD_KINDS, ROLE_LABELS, ROLES, type BoardKind, type Role } from '../../../main/meetings/labels';
import { api, call, messageOf } from '../api';
import { Dialog } from '../components/Dialog';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/fields';
import { errorsFromApi, focusFirstError, NO_ERRORS, type FormErrors } from '../components/form-errors';
import { AttendanceStats, ForwardPlan } from './BoardExtras';
import { personLabel, useMeetings } from './store';
import { longDate } from './text';

export function quorumRuleText(b: Board): string {
  const orgs = b.quorumOrganisations.map((o) => o.name);
  const list = orgs.length <= 1 ? (orgs[0] ?? '') : `${orgs.slice(0, -1).join(', ')} and ${orgs[orgs.length - 1]}`;
  return `${b.quorumCount} ${b.quorumCount === 1 ? 'member' : 'members'}${orgs.length ? `, including ${list}` : ''}`;
}

/** Boards and groups: each with its quorum rule, papers deadline and members (with their history). */
export function BoardsTab() {
  const boards = useMeetings((s) => s.boards);
  const [selected, setSelected] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const board = boards.find((b) => b.id === selected) ?? boards[0] ?? null;

  return (
    <>
      <div className="toolbar">
        <p className="result-count">{`${boards.length} ${boards.length === 1 ? 'board or group' : 'boards and groups'}`}</p>
        <button type="button" className="button toolbar-end" onClick={() => setAdding(true)}>
          Add board
        </button>
      </div>
      {boards.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">Boards and groups</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Quorum</th>
              <th scope="col">Papers due</th>
              <th scope="col" className="numeric">
                Members now
              </th>
            </tr>
          </thead>
          <tbody>
            {boards.map((b) => (
              <tr key={b.id} className={board?.id === b.id ? 'row-selected' : undefined}>
                <th scope="row">
                  <button type="button" className="button-link" aria-pressed={board?.id === b.id} onClick={() => setSelected(b.id)}>
                    {b.name}
                  </button>
                </th>
                <td>{BOARD_KIND_LABELS[b.kind]}</td>
                <td>{quorumRuleText(b)}</td>
                <td>{`${b.papersDueWorkingDays} working days before`}</td>
                <td className="numeric">{b.currentMemberCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {board && <BoardMembers board={board} />}
      {board && <ForwardPlan board={board} />}
      {board && <AttendanceStats board={board} />}
      {adding && <BoardForm onClose={() => setAdding(false)} />}
    </>
  );
}

function BoardMembers({ board }: { board: Board }) {
  const [members, setMembers] = useState<Membership[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    call(api().membership.list({ boardId: board.id, on: null })).then(
      (m) => live && setMembers(m),
      (err) => live && setError(messageOf(err)),
    );
    return () => {
      live = false;
    };
  }, [board.id, version]);

  return (
    <section className="section" aria-labelledby="board-members-title">
      <div className="section-header">
        <h2 id="board-members-title">{`Members of ${board.name}`}</h2>
        <button type="button" className="button button-secondary" onClick={() => setAdding(true)}>
          Add member
        </button>
      </div>
      <p>{`Quorum: ${quorumRuleText(board)}. Chairs, vice-chairs and members count; advisers and the secretariat do not. A substitute counts for the member they replace.`}</p>
      {error && <ErrorSummary message={error} />}
      <table className="table">
        <caption className="visually-hidden">{`Members of ${board.name}, past and present`}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Organisation</th>
            <th scope="col">Role</th>
            <th scope="col">From</th>
            <th scope="col">Until</th>
            <th scope="col">Named substitutes</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <th scope="row">{m.name}</th>
              <td>{m.organisationName ?? ''}</td>
              <td>{ROLE_LABELS[m.role]}</td>
              <td>{longDate(m.startsOn)}</td>
              <td>{m.endsOn ? longDate(m.endsOn) : 'Current'}</td>
              <td>{m.substitutes.map((s) => s.name).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {adding && (
        <MembershipForm
          board={board}
          onClose={() => {
            setAdding(false);
            setVersion((v) => v + 1);
          }}
        />
      )}
    </section>
  );
}

function BoardForm({ onClose }: { onClose: () => void }) {
  const createBoard = useMeetings((s) => s.createBoard);
  const organisations = useMeetings((s) => s.organisations);
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [kind, setKind] = useState<BoardKind>('board');
  const [quorum, setQuorum] = useState('1');
  const [required, setRequired] = useState<number[]>([]);
  const [papersDue, setPapersDue] = useState('5');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const FIELDS = ['name', 'code', 'kind', 'quorumCount', 'papersDueWorkingDays'];

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await createBoard({ name, code: code.toUpperCase(), kind, quorumCount: Number(quorum), quorumOrganisationIds: required, papersDueWorkingDays: Number(papersDue) });
      onClose();
    } catch (err) {
      const found = errorsFromApi(err, FIELDS);
      setErrors(found);
      focusFirstError(found, FIELDS);
    }
  }

  return (
    <Dialog title="Add a board or group" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {errors.form && <ErrorSummary message={errors.form} />}
        <TextField name="name" label="Name" value={name} onChange={setName} error={errors.fields.name} />
        <TextField name="code" label="Code" hint="Capital letters, e.g. SB" value={code} onChange={setCode} error={errors.fields.code} width="short" />
        <SelectField name="kind" label="Kind" value={kind} onChange={(v) => setKind(v as BoardKind)} options={BOARD_KINDS.map((k) => ({ value: k, label: BOARD_KIND_LABELS[k] }))} />
        <TextField name="quorumCount" label="Quorum (members)" value={quorum} onChange={setQuorum} error={errors.fields.quorumCount} width="short" />
        <fieldset className="fieldset">
          <legend>Organisations the quorum requires (optional)</legend>
          <div className="checkbox-list">
            {organisations.map((o) => (
              <label key={o.id} className="checkbox">
                <input type="checkbox" checked={required.includes(o.id)} onChange={(e) => setRequired((r) => (e.target.checked ? [...r, o.id] : r.filter((x) => x !== o.id)))} />
                {o.name}
              </label>
            ))}
          </div>
        </fieldset>
        <TextField name="papersDueWorkingDays" label="Papers due (working days before the meeting)" value={papersDue} onChange={setPapersDue} error={errors.fields.papersDueWorkingDays} width="short" />
        <div className="button-row">
          <button type="submit" className="button">
            Add board
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function MembershipForm({ board, onClose }: { board: Board; onClose: () => void }) {
  const addMember = useMeetings((s) => s.addMember);
  const people = useMeetings((s) => s.people);
  const [personId, setPersonId] = useState(String(people[0]?.id ?? ''));
  const [role, setRole] = useState<Role>('member');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const FIELDS = ['personId', 'role', 'startsOn', 'endsOn'];

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await addMember({ boardId: board.id, personId: Number(personId), role, startsOn, endsOn: endsOn || null });
      onClose();
    } catch (err) {
      const found = errorsFromApi(err, FIELDS);
      setErrors(found);
      focusFirstError(found, FIELDS);
    }
  }

  return (
    <Dialog title={`Add a member to ${board.name}`} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {errors.form && <ErrorSummary message={errors.form} />}
        <SelectField name="personId" label="Person" value={personId} onChange={setPersonId} options={people.map((p) => ({ value: String(p.id), label: personLabel(p) }))} error={errors.fields.personId} />
        <SelectField name="role" label="Role" value={role} onChange={(v) => setRole(v as Role)} options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        <TextField name="startsOn" label="Starts on" hint="YYYY-MM-DD, e.g. 2019-10-01" value={startsOn} onChange={setStartsOn} error={errors.fields.startsOn} width="medium" />
        <TextField name="endsOn" label="Ends on (optional)" value={endsOn} onChange={setEndsOn} error={errors.fields.endsOn} width="medium" />
        <div className="button-row">
          <button type="submit" className="button">
            Add member
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
