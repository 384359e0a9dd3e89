import { describe, expect, it } from 'vitest';
import { attendanceStatistics, type StatsMembership } from '../../main/meetings/attendance-statistics';

// Four meetings in 2019/20. Ann joins from the second; Ian leaves after the third.
const meetings = [
  { id: 1, date: '2019-10-15' },
  { id: 2, date: '2019-12-10' },
  { id: 3, date: '2020-01-14' },
  { id: 4, date: '2020-03-10' },
];
const ms = (personId: number, name: string, organisationId: number, organisationName: string, startsOn: string, endsOn: string | null = null, role = 'member'): StatsMembership => ({
  personId, name, organisationId, organisationName, role, startsOn, endsOn,
});
const memberships = [
  ms(1, 'Matthew Scott', 100, 'OPCC', '2019-10-01', null, 'chair'),
  ms(2, 'Alan Pughsley', 200, 'Kent Police', '2019-10-01'),
  ms(3, 'Ann Eden', 200, 'Kent Police', '2019-11-01'),
  ms(4, 'Ian Ayres', 300, 'Kent Fire', '2019-10-01', '2020-01-31'),
  ms(5, 'Clerk', 100, 'OPCC', '2019-10-01', null, 'secretariat'),
];
const marks = [
  // meeting 1: chair present, Alan apologies (no substitute), Ian present
  { meetingId: 1, personId: 1, status: 'present' as const, substituteForPersonId: null },
  { meetingId: 1, personId: 2, status: 'apologies' as const, substituteForPersonId: null },
  { meetingId: 1, personId: 4, status: 'present' as const, substituteForPersonId: null },
  // meeting 2: chair present, Alan represented by a substitute, Ann present, Ian no record
  { meetingId: 2, personId: 1, status: 'present' as const, substituteForPersonId: null },
  { meetingId: 2, personId: 9, status: 'present' as const, substituteForPersonId: 2 },
  { meetingId: 2, personId: 3, status: 'present' as const, substituteForPersonId: null },
  // meeting 3: chair apologies, Alan present, Ann absent, Ian apologies
  { meetingId: 3, personId: 1, status: 'apologies' as const, substituteForPersonId: null },
  { meetingId: 3, personId: 2, status: 'present' as const, substituteForPersonId: null },
  { meetingId: 3, personId: 3, status: 'absent' as const, substituteForPersonId: null },
  { meetingId: 3, personId: 4, status: 'apologies' as const, substituteForPersonId: null },
  // meeting 4: everyone present who is still a member
  { meetingId: 4, personId: 1, status: 'present' as const, substituteForPersonId: null },
  { meetingId: 4, personId: 2, status: 'present' as const, substituteForPersonId: null },
  { meetingId: 4, personId: 3, status: 'present' as const, substituteForPersonId: null },
];

describe('attendance statistics over a year', () => {
  const stats = attendanceStatistics(meetings, memberships, marks);
  const member = (name: string) => stats.members.find((m) => m.name === name)!;
  const org = (name: string) => stats.organisations.find((o) => o.name === name)!;

  it('counts each member against the meetings held while they sat', () => {
    // Chair: 4 expected; present 1, 2, 4; apologies at 3 → 75 %
    expect(member('Matthew Scott')).toMatchObject({ expected: 4, attended: 3, substituted: 0, apologies: 1, absent: 0, ratePercent: 75 });
    // Alan: apologies 1, substituted 2, present 3 and 4 → (2 + 1) / 4 = 75 %
    expect(member('Alan Pughsley')).toMatchObject({ expected: 4, attended: 2, substituted: 1, apologies: 1, absent: 0, ratePercent: 75 });
    // Ann joined 1 November: meetings 2, 3, 4; present, absent, present → 67 %
    expect(member('Ann Eden')).toMatchObject({ expected: 3, attended: 2, absent: 1, ratePercent: 67 });
    // Ian left 31 January: meetings 1, 2, 3; present, no record (absent), apologies → 33 %
    expect(member('Ian Ayres')).toMatchObject({ expected: 3, attended: 1, apologies: 1, absent: 1, ratePercent: 33 });
  });

  it('leaves out the secretariat', () => {
    expect(stats.members.some((m) => m.name === 'Clerk')).toBe(false);
  });

  it('counts an organisation represented when any of its members came or was substituted', () => {
    // Kent Police: meeting 1 Alan apologies and Ann not yet a member → not represented; 2, 3, 4 represented → 3/4
    expect(org('Kent Police')).toMatchObject({ expected: 4, represented: 3, ratePercent: 75 });
    // Kent Fire: meetings 1–3 expected (Ian left), represented at 1 only
    expect(org('Kent Fire')).toMatchObject({ expected: 3, represented: 1, ratePercent: 33 });
    expect(org('OPCC')).toMatchObject({ expected: 4, represented: 3 });
  });
});
