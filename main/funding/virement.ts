import { DomainError, type Problem } from '../shared/errors';
import { formatPence } from '../shared/money';
import type { PositionInput } from './position';

/**
 * A virement moves budget from one budget line or award to another within a stream's year.
 * Pure: it returns a new PositionInput with the budgets changed, so the year-end position
 * after the move is the same computation as the one before it.
 */
export interface VirementMove {
  from: string;
  to: string;
  amountPence: number;
}

export function targetLabel(input: PositionInput, key: string): string | undefined {
  const [kind, idText] = key.split(':');
  const id = Number(idText);
  if (kind === 'line') return input.lines.find((l) => l.id === id)?.heading;
  const a = input.awards.find((x) => x.id === id);
  return a && `${a.organisationName}: ${a.project}`;
}

function budgetOf(input: PositionInput, key: string): number {
  const [kind, idText] = key.split(':');
  const id = Number(idText);
  if (kind === 'line') return input.lines.find((l) => l.id === id)!.allocatedPence;
  return input.awards.find((a) => a.id === id)!.years.find((y) => y.financialYear === input.financialYear)?.amountPence ?? 0;
}

export function applyVirement(input: PositionInput, moves: VirementMove[]): PositionInput {
  const problems: Problem[] = [];
  const budgets = new Map<string, number>();
  moves.forEach((m, i) => {
    for (const side of ['from', 'to'] as const) {
      if (targetLabel(input, m[side]) === undefined) {
        problems.push({ path: `moves.${i}.${side}`, message: `${m[side]} is not a budget line or award of ${input.stream.name} in ${input.financialYear}` });
      }
    }
    if (m.from === m.to) problems.push({ path: `moves.${i}.to`, message: 'Money must move to a different budget line or award' });
    if (m.amountPence <= 0) problems.push({ path: `moves.${i}.amount`, message: 'Amount moved must be more than £0' });
  });
  if (problems.length === 0) {
    moves.forEach((m, i) => {
      const from = budgets.get(m.from) ?? budgetOf(input, m.from);
      if (m.amountPence > from) {
        problems.push({
          path: `moves.${i}.amount`,
          message: `Only ${formatPence(from)} is budgeted on ${targetLabel(input, m.from)}; ${formatPence(m.amountPence)} cannot be moved from it`,
        });
      }
      budgets.set(m.from, from - m.amountPence);
      budgets.set(m.to, (budgets.get(m.to) ?? budgetOf(input, m.to)) + m.amountPence);
    });
  }
  if (problems.length > 0) throw new DomainError('virement.invalid', problems.map((p) => p.message).join('; '), problems[0]!.path, problems);

  return {
    ...input,
    lines: input.lines.map((l) => (budgets.has(`line:${l.id}`) ? { ...l, allocatedPence: budgets.get(`line:${l.id}`)! } : l)),
    awards: input.awards.map((a) => {
      const key = `award:${a.id}`;
      if (!budgets.has(key)) return a;
      const amount = budgets.get(key)!;
      const others = a.years.filter((y) => y.financialYear !== input.financialYear);
      return { ...a, years: [...others, { financialYear: input.financialYear, amountPence: amount }].sort((x, y) => x.financialYear.localeCompare(y.financialYear)) };
    }),
  };
}
