import { MinuteFormat } from './MinuteFormat';
import { useEffect, useState } from 'react';
import type { Board, Membership } from '../../../main/meetings/contract';
import { BOARD_KIND_LABELS, BOARD_KINDS, ROLE_LABELS, ROLES, type BoardKind, type Role } from '../../../main/meetings/labels';
import { api, call, messageOf } from '../api';
import { useOthersChanged } from '../changes/store';
import { DataTable } from '../components/DataTable';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/fields';
import { FormDialog } from '../components/FormParts';
import { useApiForm } from '../components/useApiForm';
import { counted } from '../components/words';
import { AttendanceStats } from './BoardExtras';
import { ForwardPlanPanel } from './ForwardPlanPanel';
import { StandingItemsPanel } from './StandingItemsPanel';
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
  const announcement = useMeetings((s) => s.announcement);

  return (
    <>
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
      <div className="toolbar">
        <p className="result-count">{counted(boards.length, 'board or group', 'boards and groups')}</p>
        <button type="button" className="button toolbar-end" onClick={() => setAdding(true)}>
          Add board
        </button>
      </div>
      <DataTable
        caption="Boards and groups"
        rows={boards}
        rowKey={(b) => b.id}
        rowClassName={(b) => (board?.id === b.id ? 'row-selected' : undefined)}
        columns={[
          {
            header: 'Name',
            rowHeader: true,
            cell: (b) => (
              <button type="button" className="button-link" aria-pressed={board?.id === b.id} onClick={() => setSelected(b.id)}>
                {b.name}
              </button>
            ),
          },
          { header: 'Kind', cell: (b) => BOARD_KIND_LABELS[b.kind] },
          { header: 'Quorum', cell: (b) => quorumRuleText(b) },
          { header: 'Papers due', cell: (b) => `${b.papersDueWorkingDays} working days before` },
          { header: 'Members now', numeric: true, cell: (b) => b.currentMemberCount },
        ]}
      />
      {board && <BoardMembers board={board} />}
      {board && <MinuteFormat key={board.id} board={board} />}
      {board && <ForwardPlanPanel board={board} />}
      {board && <StandingItemsPanel board={board} />}
      {board && <AttendanceStats board={board} />}
      {adding && <BoardForm onClose={() => setAdding(false)} />}
    </>
  );
}

/** What the members table shows: read again when someone else changes one of these. */
const MEMBER_TABLES = ['membership', 'membership_substitute', 'person', 'organisation'];

function BoardMembers({ board }: { board: Board }) {
  const [members, setMembers] = useState<Membership[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [version, setVersion] = useState(0);
  const changed = useOthersChanged(MEMBER_TABLES);

  useEffect(() => {
    let live = true;
    call(api().membership.list({ boardId: board.id, on: null })).then(
      (m) => live && setMembers(m),
      (err) => live && setError(messageOf(err)),
    );
    return () => {
      live = false;
    };
  }, [board.id, version, changed]);

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
      <DataTable
        caption={`Members of ${board.name}, past and present`}
        rows={members}
        empty="No members yet. Add the first with “Add member”."
        rowKey={(m) => m.id}
        columns={[
          { header: 'Name', rowHeader: true, cell: (m) => m.name },
          { header: 'Organisation', cell: (m) => m.organisationName ?? '' },
          { header: 'Role', cell: (m) => ROLE_LABELS[m.role] },
          { header: 'From', cell: (m) => longDate(m.startsOn) },
          { header: 'Until', cell: (m) => (m.endsOn ? longDate(m.endsOn) : 'Current') },
          { header: 'Named substitutes', cell: (m) => m.substitutes.map((x) => x.name).join(', ') },
        ]}
      />
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

const BOARD_FIELDS = ['name', 'code', 'kind', 'quorumCount', 'quorumOrganisationIds', 'papersDueWorkingDays'] as const;

function BoardForm({ onClose }: { onClose: () => void }) {
  const createBoard = useMeetings((s) => s.createBoard);
  const organisations = useMeetings((s) => s.organisations);
  const form = useApiForm({
    fields: BOARD_FIELDS,
    initial: { name: '', code: '', kind: 'board', quorumCount: '1', quorumOrganisationIds: [] as number[], papersDueWorkingDays: '5' },
    toInput: (v) => ({
      name: v.name,
      code: v.code.toUpperCase(),
      kind: v.kind as BoardKind,
      quorumCount: Number(v.quorumCount),
      quorumOrganisationIds: v.quorumOrganisationIds,
      papersDueWorkingDays: Number(v.papersDueWorkingDays),
    }),
    submit: async (input) => {
      await createBoard(input);
      onClose();
    },
  });
  const required = form.values.quorumOrganisationIds;
  const setRequired = form.set('quorumOrganisationIds');

  return (
    <FormDialog title="Add a board or group" form={form} submit="Add board" onClose={onClose}>
      <TextField label="Name" {...form.field('name')} />
      <TextField label="Code" hint="Capital letters, e.g. SB" width="short" {...form.field('code')} />
      <SelectField label="Kind" options={BOARD_KINDS.map((k) => ({ value: k, label: BOARD_KIND_LABELS[k] }))} {...form.field('kind')} />
      <TextField label="Quorum (members)" width="short" {...form.field('quorumCount')} />
      <fieldset className="fieldset">
        <legend>Organisations the quorum requires (optional)</legend>
        <div className="checkbox-list">
          {organisations.map((o) => (
            <label key={o.id} className="checkbox">
              <input type="checkbox" checked={required.includes(o.id)} onChange={(e) => setRequired(e.target.checked ? [...required, o.id] : required.filter((x) => x !== o.id))} />
              {o.name}
            </label>
          ))}
        </div>
      </fieldset>
      <TextField label="Papers due (working days before the meeting)" width="short" {...form.field('papersDueWorkingDays')} />
    </FormDialog>
  );
}

function MembershipForm({ board, onClose }: { board: Board; onClose: () => void }) {
  const addMember = useMeetings((s) => s.addMember);
  const people = useMeetings((s) => s.people);
  const form = useApiForm({
    fields: ['personId', 'role', 'startsOn', 'endsOn'],
    initial: { personId: String(people[0]?.id ?? ''), role: 'member', startsOn: '', endsOn: '' },
    toInput: (v) => ({ boardId: board.id, personId: Number(v.personId), role: v.role as Role, startsOn: v.startsOn, endsOn: v.endsOn || null }),
    submit: async (input) => {
      await addMember(input);
      onClose();
    },
  });

  return (
    <FormDialog title={`Add a member to ${board.name}`} form={form} submit="Add member" onClose={onClose}>
      <SelectField label="Person" options={people.map((p) => ({ value: String(p.id), label: personLabel(p) }))} {...form.field('personId')} />
      <SelectField label="Role" options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} {...form.field('role')} />
      <TextField label="Starts on" hint="YYYY-MM-DD, e.g. 2019-10-01" width="medium" {...form.field('startsOn')} />
      <TextField label="Ends on (optional)" width="medium" {...form.field('endsOn')} />
    </FormDialog>
  );
}
