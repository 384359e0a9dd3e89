import { describe, expect, it } from 'vitest';
import { quorum, type AttendanceMark, type QuorumRule, type SeatedMember } from '../../main/meetings/quorum';

// A Strategic Board of six voting members and an adviser; quorum 4 including Kent Police.
const POLICE = { id: 1, name: 'Kent Police' };
const KCC = { id: 2, name: 'Kent County Council' };
const members: SeatedMember[] = [
  { personId: 10, name: 'Matthew Scott', organisationId: 3, role: 'chair' },
  { personId: 11, name: 'Alan Pughsley', organisationId: POLICE.id, role: 'member' },
  { personId: 12, name: 'Sarah Hammond', organisationId: KCC.id, role: 'vice_chair' },
  { personId: 13, name: 'Ann Eden', organisationId: 4, role: 'member' },
  { personId: 14, name: 'Ian Ayres', organisationId: 5, role: 'member' },
  { personId: 15, name: 'Andrew Scott-Clark', organisationId: 6, role: 'member' },
  { personId: 16, name: 'Ben Loose', organisationId: POLICE.id, role: 'adviser' },
];
const rule: QuorumRule = { count: 4, requiredOrganisations: [POLICE] };
const present = (personId: number, name: string, substituteForPersonId: number | null = null): AttendanceMark => ({ personId, name, status: 'present', substituteForPersonId });

describe('quorum', () => {
  it('four voting members present including Kent Police: quorate', () => {
    const q = quorum(rule, members, [present(10, 'Matthew Scott'), present(11, 'Alan Pughsley'), present(12, 'Sarah Hammond'), present(13, 'Ann Eden')]);
    expect(q.met).toBe(true);
    expect(q.present).toBe(4);
    expect(q.statement).toBe('Quorate: 4 members present or represented (quorum 4), including Kent Police as the quorum rule requires.');
  });

  it('an adviser does not count: chair, two members and the police adviser are three, one short', () => {
    const q = quorum(rule, members, [present(10, 'Matthew Scott'), present(12, 'Sarah Hammond'), present(13, 'Ann Eden'), present(16, 'Ben Loose')]);
    expect(q.present).toBe(3);
    expect(q.met).toBe(false);
    expect(q.missingOrganisations).toEqual([POLICE]); // the adviser is police, but does not count
    expect(q.statement).toBe('Not quorate: 3 members present or represented (quorum 4); 1 member short; Kent Police not represented.');
  });

  it('a substitute counts for the member they replace, and for that member’s organisation', () => {
    const marks = [
      present(10, 'Matthew Scott'),
      present(12, 'Sarah Hammond'),
      present(13, 'Ann Eden'),
      present(20, 'Jo Deputy', 11), // substitute for Alan Pughsley (Kent Police)
      { personId: 11, name: 'Alan Pughsley', status: 'apologies' as const, substituteForPersonId: null },
    ];
    const q = quorum(rule, members, marks);
    expect(q.met).toBe(true);
    expect(q.present).toBe(4);
    expect(q.counted.find((c) => c.personId === 11)!.substitute).toEqual({ personId: 20, name: 'Jo Deputy' });
  });

  it('two substitutes for one member count once', () => {
    const q = quorum(rule, members, [present(10, 'Matthew Scott'), present(20, 'Jo Deputy', 11), present(21, 'Sam Other', 11)]);
    expect(q.present).toBe(2);
  });

  it('apologies and absences do not count', () => {
    const q = quorum({ count: 1, requiredOrganisations: [] }, members, [{ personId: 10, name: 'Matthew Scott', status: 'apologies', substituteForPersonId: null }]);
    expect(q.present).toBe(0);
    expect(q.met).toBe(false);
    expect(q.statement).toBe('Not quorate: 0 members present or represented (quorum 1); 1 member short.');
  });

  it('someone present who is not a member (an officer in attendance) does not count', () => {
    const q = quorum({ count: 1, requiredOrganisations: [] }, members, [present(99, 'Visiting Officer')]);
    expect(q.present).toBe(0);
  });

  it('per item: members who declared an interest and withdrew are left out', () => {
    const marks = [present(10, 'Matthew Scott'), present(11, 'Alan Pughsley'), present(12, 'Sarah Hammond'), present(13, 'Ann Eden'), present(14, 'Ian Ayres')];
    expect(quorum(rule, members, marks).present).toBe(5);
    // Ann Eden withdraws: 4 remain, still quorate
    const oneOut = quorum(rule, members, marks, [13]);
    expect(oneOut.met).toBe(true);
    expect(oneOut.withdrawn).toEqual([{ personId: 13, name: 'Ann Eden' }]);
    // Ann Eden and Ian Ayres withdraw: 3 remain, inquorate for that item
    const twoOut = quorum(rule, members, marks, [13, 14]);
    expect(twoOut.met).toBe(false);
    expect(twoOut.statement).toBe('Not quorate: 3 members present or represented, not counting 2 members who withdrew (quorum 4); 1 member short.');
    // The only police member withdraws: 4 remain but Kent Police is not represented
    const police = quorum(rule, members, marks, [11]);
    expect(police.present).toBe(4);
    expect(police.met).toBe(false);
    expect(police.missingOrganisations).toEqual([POLICE]);
  });

  it('a substitute who withdraws takes the member they represent out of the count', () => {
    const marks = [present(10, 'Matthew Scott'), present(12, 'Sarah Hammond'), present(13, 'Ann Eden'), present(20, 'Jo Deputy', 11)];
    const q = quorum(rule, members, marks, [20]);
    expect(q.present).toBe(3);
    expect(q.withdrawn).toEqual([{ personId: 11, name: 'Alan Pughsley' }]);
  });

  it('several required organisations are listed in the statement', () => {
    const q = quorum({ count: 2, requiredOrganisations: [POLICE, KCC] }, members, [present(11, 'Alan Pughsley'), present(12, 'Sarah Hammond')]);
    expect(q.statement).toBe('Quorate: 2 members present or represented (quorum 2), including Kent Police and Kent County Council as the quorum rule requires.');
  });
});
