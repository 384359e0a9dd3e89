/**
 * Quorum: a minimum number of members present, optionally requiring named organisations.
 * Pure: the service gathers who sat on the board on the meeting's date and who attended.
 *
 * - Chairs, vice-chairs and members count; advisers and the secretariat do not.
 * - A substitute counts for the member they replace (and for that member's organisation),
 *   never for themselves.
 * - For an agenda item, members who declared an interest in it and withdrew do not count —
 *   nor does a member whose substitute withdrew.
 */
import type { Role } from './labels';

export type { Role };
export const VOTING_ROLES: readonly Role[] = ['chair', 'vice_chair', 'member'];

export interface QuorumRule {
  count: number;
  requiredOrganisations: { id: number; name: string }[];
}

export interface SeatedMember {
  personId: number;
  name: string;
  organisationId: number | null;
  role: Role;
}

export interface AttendanceMark {
  personId: number;
  name: string;
  status: 'present' | 'apologies' | 'absent';
  substituteForPersonId: number | null;
}

export interface CountedMember {
  personId: number;
  name: string;
  /** Set when the member was represented by a substitute. */
  substitute: { personId: number; name: string } | null;
}

export interface QuorumResult {
  met: boolean;
  /** Members present in person or through a substitute. */
  present: number;
  required: number;
  counted: CountedMember[];
  missingOrganisations: { id: number; name: string }[];
  /** Members left out because they (or their substitute) withdrew. */
  withdrawn: { personId: number; name: string }[];
  statement: string;
}

export function quorum(
  rule: QuorumRule,
  members: readonly SeatedMember[],
  attendance: readonly AttendanceMark[],
  withdrawnPersonIds: readonly number[] = [],
): QuorumResult {
  const withdrawnSet = new Set(withdrawnPersonIds);
  const present = attendance.filter((a) => a.status === 'present');
  const presentIds = new Set(present.filter((a) => a.substituteForPersonId === null).map((a) => a.personId));
  const substituteFor = new Map<number, AttendanceMark>();
  for (const a of present) if (a.substituteForPersonId !== null && !substituteFor.has(a.substituteForPersonId)) substituteFor.set(a.substituteForPersonId, a);

  const counted: CountedMember[] = [];
  const withdrawn: QuorumResult['withdrawn'] = [];
  const orgsCounted = new Set<number>();
  for (const m of members) {
    if (!VOTING_ROLES.includes(m.role)) continue;
    const inPerson = presentIds.has(m.personId);
    const sub = inPerson ? undefined : substituteFor.get(m.personId);
    if (!inPerson && !sub) continue;
    if (withdrawnSet.has(m.personId) || (sub && withdrawnSet.has(sub.personId))) {
      withdrawn.push({ personId: m.personId, name: m.name });
      continue;
    }
    counted.push({ personId: m.personId, name: m.name, substitute: sub ? { personId: sub.personId, name: sub.name } : null });
    if (m.organisationId !== null) orgsCounted.add(m.organisationId);
  }
  const missingOrganisations = rule.requiredOrganisations.filter((o) => !orgsCounted.has(o.id));
  const met = counted.length >= rule.count && missingOrganisations.length === 0;
  return {
    met,
    present: counted.length,
    required: rule.count,
    counted,
    missingOrganisations,
    withdrawn,
    statement: quorumStatement(met, counted.length, rule, missingOrganisations, withdrawn.length),
  };
}

function listOf(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function membersWord(n: number): string {
  return `${n} ${n === 1 ? 'member' : 'members'}`;
}

/**
 * The sentence the minutes record, e.g. "The meeting was quorate: 6 members present or
 * represented (quorum 5), including Kent Police as the quorum rule requires."
 */
export function quorumStatement(
  met: boolean,
  present: number,
  rule: QuorumRule,
  missing: { name: string }[],
  withdrawnCount: number,
): string {
  const without = withdrawnCount > 0 ? `, not counting ${membersWord(withdrawnCount)} who withdrew` : '';
  const head = `${membersWord(present)} present or represented${without} (quorum ${rule.count})`;
  if (met) {
    const orgs = rule.requiredOrganisations.length > 0 ? `, including ${listOf(rule.requiredOrganisations.map((o) => o.name))} as the quorum rule requires` : '';
    return `Quorate: ${head}${orgs}.`;
  }
  const reasons: string[] = [];
  if (present < rule.count) reasons.push(`${membersWord(rule.count - present)} short`);
  if (missing.length > 0) reasons.push(`${listOf(missing.map((o) => o.name))} not represented`);
  return `Not quorate: ${head}; ${reasons.join('; ')}.`;
}
