/**
 * Attendance over a period, per member and per organisation. Pure.
 * A member is expected at every meeting held while they sat on the board (secretariat
 * excepted). They "attended" in person or "were represented" by a substitute; apologies
 * and absences are counted apart (no record at all counts as absent).
 * An organisation is expected at every meeting where it had a member, and was represented
 * when at least one of its members attended or was substituted.
 */
export interface StatsMeeting {
  id: number;
  date: string;
}
export interface StatsMembership {
  personId: number;
  name: string;
  organisationId: number | null;
  organisationName: string | null;
  role: string;
  startsOn: string;
  endsOn: string | null;
}
export interface StatsMark {
  meetingId: number;
  personId: number;
  status: 'present' | 'apologies' | 'absent';
  substituteForPersonId: number | null;
}

export interface MemberStatistics {
  personId: number;
  name: string;
  organisationName: string | null;
  expected: number;
  attended: number;
  substituted: number;
  apologies: number;
  absent: number;
  /** (attended + substituted) / expected, as a whole percentage; null when expected is 0. */
  ratePercent: number | null;
}

export interface OrganisationStatistics {
  organisationId: number;
  name: string;
  expected: number;
  represented: number;
  ratePercent: number | null;
}

const rate = (n: number, d: number) => (d === 0 ? null : Math.round((100 * n) / d));

export function attendanceStatistics(
  meetings: readonly StatsMeeting[],
  memberships: readonly StatsMembership[],
  marks: readonly StatsMark[],
): { members: MemberStatistics[]; organisations: OrganisationStatistics[] } {
  const byMeeting = new Map<number, StatsMark[]>();
  for (const m of marks) (byMeeting.get(m.meetingId) ?? byMeeting.set(m.meetingId, []).get(m.meetingId)!).push(m);

  const members = new Map<number, MemberStatistics>();
  const orgs = new Map<number, OrganisationStatistics>();
  for (const meeting of meetings) {
    const meetingMarks = byMeeting.get(meeting.id) ?? [];
    const seated = memberships.filter(
      (ms) => ms.role !== 'secretariat' && ms.startsOn <= meeting.date && (ms.endsOn === null || ms.endsOn >= meeting.date),
    );
    const orgExpected = new Set<number>();
    const orgRepresented = new Set<number>();
    const seen = new Set<number>();
    for (const ms of seated) {
      if (seen.has(ms.personId)) continue; // two overlapping rows are refused, but count once regardless
      seen.add(ms.personId);
      const stat =
        members.get(ms.personId) ??
        members
          .set(ms.personId, { personId: ms.personId, name: ms.name, organisationName: ms.organisationName, expected: 0, attended: 0, substituted: 0, apologies: 0, absent: 0, ratePercent: null })
          .get(ms.personId)!;
      stat.expected++;
      const own = meetingMarks.find((m) => m.personId === ms.personId && m.substituteForPersonId === null);
      const sub = meetingMarks.find((m) => m.substituteForPersonId === ms.personId && m.status === 'present');
      let came = false;
      if (own?.status === 'present') {
        stat.attended++;
        came = true;
      } else if (sub) {
        stat.substituted++;
        came = true;
      } else if (own?.status === 'apologies') stat.apologies++;
      else stat.absent++;
      if (ms.organisationId !== null) {
        orgExpected.add(ms.organisationId);
        if (came) orgRepresented.add(ms.organisationId);
        if (!orgs.has(ms.organisationId)) {
          orgs.set(ms.organisationId, { organisationId: ms.organisationId, name: ms.organisationName ?? '', expected: 0, represented: 0, ratePercent: null });
        }
      }
    }
    for (const id of orgExpected) orgs.get(id)!.expected++;
    for (const id of orgRepresented) orgs.get(id)!.represented++;
  }
  const memberList = [...members.values()].map((s) => ({ ...s, ratePercent: rate(s.attended + s.substituted, s.expected) }));
  const orgList = [...orgs.values()].map((s) => ({ ...s, ratePercent: rate(s.represented, s.expected) }));
  memberList.sort((a, b) => a.name.localeCompare(b.name));
  orgList.sort((a, b) => a.name.localeCompare(b.name));
  return { members: memberList, organisations: orgList };
}
