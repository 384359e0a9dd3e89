/**
 * The decisions log's rules, pure so the form, the service and the tests agree.
 *
 * References are numbered per board per year: SB-D-2020-001, SB-D-2020-002 … for the
 * Strategic Board (its code, "D", the year decided, a three-digit number), and PCC-D-2019-001
 * for decisions the Commissioner takes alone.
 */
export const DECISION_TYPES = ['approve', 'endorse', 'note', 'reject', 'defer'] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];
export const DECISION_STATUSES = ['proposed', 'agreed', 'deferred', 'rejected', 'superseded'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];
export const DECIDERS = ['board', 'commissioner'] as const;
export type Decider = (typeof DECIDERS)[number];

export const DECISION_TYPE_LABELS: Record<DecisionType, string> = { approve: 'Approve', endorse: 'Endorse', note: 'Note', reject: 'Reject', defer: 'Defer' };
export const DECISION_STATUS_LABELS: Record<DecisionStatus, string> = {
  proposed: 'Proposed',
  agreed: 'Agreed',
  deferred: 'Deferred',
  rejected: 'Rejected',
  superseded: 'Superseded',
};

/** The code decisions of the Commissioner alone are numbered under. */
export const COMMISSIONER_CODE = 'PCC';

export function referencePrefix(code: string, year: number): string {
  return `${code}-D-${year}-`;
}

/** The next reference after those already used with the same prefix (gaps are not refilled). */
export function nextDecisionReference(code: string, year: number, used: readonly string[]): string {
  const prefix = referencePrefix(code, year);
  const numbers = used
    .filter((r) => r.toUpperCase().startsWith(prefix.toUpperCase()))
    .map((r) => Number(r.slice(prefix.length)))
    .filter((n) => Number.isInteger(n) && n > 0);
  const next = (numbers.length ? Math.max(...numbers) : 0) + 1;
  return `${prefix}${String(next).padStart(3, '0')}`;
}

const MOVES: Record<DecisionStatus, readonly DecisionStatus[]> = {
  proposed: ['agreed', 'deferred', 'rejected'],
  deferred: ['proposed', 'agreed', 'rejected'],
  agreed: ['superseded'],
  rejected: ['proposed'],
  superseded: [],
};

export function allowedDecisionStatuses(from: DecisionStatus): readonly DecisionStatus[] {
  return MOVES[from];
}

export function canMoveDecision(from: DecisionStatus, to: DecisionStatus): boolean {
  return MOVES[from].includes(to);
}

/**
 * The type of decision a recommendation asks for, from its verb: "is asked to support" or
 * "endorse" → endorse; "note" → note; "approve"/"agree" → approve; otherwise approve.
 */
export function typeFromRecommendation(text: string): DecisionType {
  const t = text.toLowerCase();
  const first = (words: string[]) => Math.min(...words.map((w) => {
    const i = t.search(new RegExp(`\\b${w}`));
    return i < 0 ? Infinity : i;
  }));
  const candidates: [DecisionType, number][] = [
    ['endorse', first(['endorse', 'support'])],
    ['note', first(['note'])],
    ['approve', first(['approve', 'agree', 'adopt'])],
    ['reject', first(['reject'])],
    ['defer', first(['defer'])],
  ];
  const best = candidates.filter(([, i]) => i !== Infinity).sort((a, b) => a[1] - b[1])[0];
  return best ? best[0] : 'approve';
}
