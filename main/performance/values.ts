import { organisations } from '../people/repository';
import { isoToday, type Ctx } from '../shared/context';
import { DomainError } from '../shared/errors';
import type { ValueFate, ValueStatus } from './contract';
import { periodLabel, periodProblem, periodRange, PERIOD_EXAMPLE, readPeriod } from './periods';
import { values, type IndicatorRow, type ValueRow } from './repository';
import { readValue, valueProblem } from './units';

/**
 * Checking and writing one value of one period. Shared by the single entry, the grid and the
 * import, so all three refuse the same things with the same words.
 */
export interface ValueInput {
  period: string | number | null;
  value: string | number | null;
  status: ValueStatus;
  note: string;
}

export interface Provenance {
  suppliedByOrganisationId: number | null;
  receivedOn: string;
}

export type Checked = { ok: true; period: string; value: number } | { ok: false; field: 'period' | 'value'; message: string };

/** Reads and checks a period and a value for an indicator; nothing is written. */
export function checkValue(ctx: Ctx, ind: IndicatorRow, input: Pick<ValueInput, 'period' | 'value'>): Checked {
  const raw = input.period;
  const period = readPeriod(typeof raw === 'number' ? String(raw) : raw);
  if (period === null) {
    const shown = raw === null || raw === '' ? 'is empty' : `"${String(raw)}" is not a period`;
    return { ok: false, field: 'period', message: `Period ${shown}; write it like ${PERIOD_EXAMPLE[ind.frequency]}` };
  }
  const wrong = periodProblem(ind.frequency, period);
  if (wrong) return { ok: false, field: 'period', message: wrong };
  if (periodRange(period)[0] > isoToday(ctx)) {
    return { ok: false, field: 'period', message: `Period ${periodLabel(period)} has not started yet` };
  }
  const read = readValue(input.value, ind.unit);
  if (!read.ok) return { ok: false, field: 'value', message: `Value ${read.reason}` };
  const problem = valueProblem(read.value, ind.unit);
  if (problem) return { ok: false, field: 'value', message: problem };
  return { ok: true, period, value: read.value };
}

export async function resolveProvenance(ctx: Ctx, input: { suppliedByOrganisationId: number | null; receivedOn: string | null }): Promise<Provenance> {
  if (input.suppliedByOrganisationId !== null && !await organisations.get(ctx, input.suppliedByOrganisationId)) {
    throw new DomainError('indicatorValue.supplierMissing', `Organisation ${input.suppliedByOrganisationId} does not exist; choose who supplied the values from the list.`, 'suppliedByOrganisationId');
  }
  const today = isoToday(ctx);
  const receivedOn = input.receivedOn ?? today;
  if (receivedOn > today) throw new DomainError('indicatorValue.receivedInFuture', 'Received on cannot be after today', 'receivedOn');
  return { suppliedByOrganisationId: input.suppliedByOrganisationId, receivedOn };
}

/** What writing this value would do: new, changed (with the value it replaces) or unchanged. */
export function fateOf(current: ValueRow | undefined, value: number, status: ValueStatus, note: string | null): { fate: Exclude<ValueFate, 'rejected'>; current: ValueRow | undefined } {
  if (!current) return { fate: 'new', current };
  const same = current.value === value && current.status === status && (note === null || current.note === note);
  return { fate: same ? 'unchanged' : 'changed', current };
}

/**
 * Writes a checked value. A period with a current value gets a new row and the old row is
 * kept, pointing at its replacement: revisions are never overwritten. `note` null keeps the
 * comparison to value and status (an import without a note column).
 */
export async function writeValue(ctx: Ctx, ind: IndicatorRow, period: string, value: number, status: ValueStatus, note: string | null, provenance: Provenance): Promise<{ fate: Exclude<ValueFate, 'rejected'>; id: number }> {
  const { fate, current } = fateOf(await values.currentFor(ctx, ind.id, period), value, status, note);
  if (fate === 'unchanged') return { fate, id: current!.id };
  const row = { indicatorId: ind.id, period, value, status, note: note ?? '', ...provenance };
  const id = current ? await values.supersede(ctx, current, row) : await values.insert(ctx, row);
  return { fate, id };
}
