/**
 * The child of the crash bench (bench/crash.ts): opens a workspace as the app does and
 * writes through the dispatcher in a loop until it is killed. Each write is announced on
 * stdout before it is sent ("try …") and reported only after the dispatcher answered ok
 * ("ok …"): an "ok" line is a write the user was told is saved. stdout to a pipe is
 * synchronous on Linux, so a line that was written is never lost to the kill.
 *
 * Usage (from the repository root): node crash-writer.cjs WORKSPACE SEED RUN
 */
import { dispatch, type Session } from '../main/api/dispatch';
import { openDatabase } from '../main/db/connection';
import { sqliteStore } from '../main/db/sqlite-store';
import type { SpendGrid } from '../main/funding/contract';
import type { PaperDetail, PaperSummary } from '../main/papers/contract';
import type { Action, ActionDetail, ActionPage } from '../main/meetings/contract';
import { Random } from './random';

/** One write's effect, as the bench checks it: keys of rows and the value each must hold. */
export interface WriteLine {
  seq: number;
  op: string;
  /** "action:12" → { description, status }, "spend:line:3|2019-05|actual" → pence or null, "section:4|background" → text. */
  values: Record<string, unknown>;
}

const [path, seedText, runText] = process.argv.slice(2);
if (!path || !seedText || !runText) {
  console.error('usage: crash-writer WORKSPACE SEED RUN');
  process.exit(2);
}
const run = Number(runText);
const rnd = new Random(Number(seedText));
const session: Session = { store: sqliteStore(openDatabase(path)), actor: 'crash-bench', log: () => {} };

const say = (line: string) => process.stdout.write(line + '\n');

async function value<T>(op: string, input: unknown): Promise<T> {
  const env = await dispatch(session, op, input);
  if (!env.ok) throw new Error(`${op}: ${env.error.message}`);
  return env.value as T;
}

/** Sends one write, announced before and acknowledged after. */
async function write(op: string, input: unknown, values: Record<string, unknown>, seq: number, after?: (result: unknown) => Record<string, unknown>): Promise<unknown> {
  say(`try ${JSON.stringify({ seq, op, values } satisfies WriteLine)}`);
  const env = await dispatch(session, op, input);
  if (!env.ok) {
    say(`refused ${JSON.stringify({ seq, op, code: env.error.code, message: env.error.message })}`);
    return undefined;
  }
  say(`ok ${JSON.stringify({ seq, op, values: { ...values, ...(after ? after(env.value) : {}) } } satisfies WriteLine)}`);
  return env.value;
}

async function main(): Promise<never> {
  const grids = await Promise.all([
    value<SpendGrid>('spend.grid', { streamId: 1, financialYear: '2019/20' }),
    value<SpendGrid>('spend.grid', { streamId: 2, financialYear: '2019/20' }),
  ]);
  const drafts = (await value<{ rows: PaperSummary[] }>('paper.list', { status: 'draft', limit: 3 })).rows;
  const sections = (await Promise.all(drafts.map((p) => value<PaperDetail>('paper.get', { id: p.id })))).flatMap((p) => p.sections.map((s) => ({ paperId: p.id, key: s.key })));
  // Actions of earlier runs are updated too, so a write may land on a row another run made.
  // Their state as the file holds it now, to say what a write in flight would make of them.
  const known = new Map<number, { description: string; status: string }>();
  const remember = (a: Action) => {
    known.set(a.id, { description: a.description, status: a.status });
    return { [`action:${a.id}`]: known.get(a.id) };
  };
  for (let cursor: string | null = null, first = true; first || cursor !== null; first = false) {
    const page: ActionPage = await value<ActionPage>('action.list', { search: 'Crash bench', statuses: [], limit: 500, cursor });
    for (const a of page.rows) remember(a);
    cursor = page.nextCursor;
  }
  const actions = [...known.keys()];
  const statuses = ['open', 'in_progress'] as const;
  say('ready');

  for (let seq = 1; ; seq++) {
    const kind = rnd.weighted([
      ['create', 3],
      ['update', 3],
      ['progress', 2],
      ['grid', 3],
      ['paper', sections.length ? 2 : 0],
    ] as const);
    const tag = `r${run} w${seq}`;
    if (kind === 'create' || actions.length === 0) {
      const description = `Crash bench action ${tag}`;
      await write('action.create', { boardId: 1, meetingId: null, agendaItemId: null, description, ownerPersonId: null, ownerOrganisationId: 1, dueOn: '2020-04-30' }, {}, seq, (r) => {
        actions.push((r as Action).id);
        return remember(r as Action);
      });
    } else if (kind === 'update') {
      const id = rnd.pick(actions);
      const change = { description: `Crash bench action ${tag} (updated)`, status: rnd.pick(statuses) };
      await write('action.update', { id, ...change }, { [`action:${id}`]: change }, seq, (r) => remember(r as Action));
    } else if (kind === 'progress') {
      const actionId = rnd.pick(actions);
      const text = `Progress ${tag}`;
      // An update on an open action moves it to in progress (meetings/service.ts).
      const before = known.get(actionId)!;
      const predicted = { description: before.description, status: before.status === 'open' ? 'in_progress' : before.status };
      await write('action.addUpdate', { actionId, updatedOn: '2020-03-02', text }, { [`action:${actionId}`]: predicted }, seq, (r) => {
        const update = (r as ActionDetail).updates.find((u) => u.text === text);
        return { ...remember(r as Action), ...(update ? { [`action_update:${update.id}`]: text } : {}) };
      });
    } else if (kind === 'grid') {
      const grid = rnd.pick(grids);
      const cells = [];
      const values: Record<string, unknown> = {};
      for (let i = rnd.int(1, 6); i > 0; i--) {
        const target = rnd.pick(grid.rows).key;
        const month = rnd.pick(grid.months);
        const kindOf = rnd.pick(['actual', 'forecast'] as const);
        const pence = rnd.chance(0.1) ? null : rnd.int(0, 5_000_000);
        const key = `spend:${target}|${month}|${kindOf}`;
        if (key in values) continue;
        values[key] = pence;
        cells.push({ target, month, kind: kindOf, amount: pence === null ? '' : (pence / 100).toFixed(2) });
      }
      await write('spend.setCells', { streamId: grid.streamId, financialYear: grid.financialYear, cells }, values, seq);
    } else {
      const section = rnd.pick(sections);
      const text = `Saved ${tag}: ${'the board is asked to note the position. '.repeat(rnd.int(1, 40))}`.trim();
      await write('paper.updateSection', { paperId: section.paperId, key: section.key, body: [{ type: 'paragraph', text }] }, { [`section:${section.paperId}|${section.key}`]: text }, seq);
    }
  }
}

void main();
