import type { TestWorkspace } from '../helpers/workspace';

/**
 * A Strategic Board built through the API, as a secretariat would enter it: chaired by the
 * PCC, members from Kent Police, Kent County Council, Medway Council, Kent Fire & Rescue,
 * NHS and Probation (seed 004), quorum 4 including Kent Police, papers 5 working days ahead.
 */
export async function strategicBoard(ws: TestWorkspace) {
  const org = async (name: string, kind: 'police' | 'opcc' | 'council' | 'fire' | 'health' | 'probation', shortName: string | null = null) =>
    (await ws.call('organisation.create', { name, kind, shortName })).id;
  const orgs = {
    opcc: await org('Office of the Kent Police and Crime Commissioner', 'opcc', 'OPCC'),
    police: await org('Kent Police', 'police'),
    kcc: await org('Kent County Council', 'council', 'KCC'),
    medway: await org('Medway Council', 'council'),
    fire: await org('Kent Fire and Rescue Service', 'fire', 'KFRS'),
    nhs: await org('NHS Kent and Medway', 'health'),
    probation: await org('National Probation Service', 'probation'),
  };
  const person = async (givenName: string, familyName: string, organisationId: number, jobTitle = '') =>
    (await ws.call('person.create', { givenName, familyName, organisationId, jobTitle })).id;
  const people = {
    pcc: await person('Matthew', 'Scott', orgs.opcc, 'Police and Crime Commissioner'),
    police: await person('Alan', 'Pughsley', orgs.police, 'Chief Constable'),
    policeDeputy: await person('Tony', 'Blaker', orgs.police, 'Deputy Chief Constable'),
    kcc: await person('Sarah', 'Hammond', orgs.kcc, 'Corporate Director'),
    medway: await person('Ian', 'Sutherland', orgs.medway, 'Director of People'),
    fire: await person('Ann', 'Millington', orgs.fire, 'Chief Fire Officer'),
    nhs: await person('Andrew', 'Scott-Clark', orgs.nhs, 'Director of Public Health'),
    probation: await person('Sarah', 'Chapman', orgs.probation, 'Head of Kent'),
    vruManager: await person('Ben', 'Loose', orgs.police, 'VRU Manager'),
    clerk: await person('Jo', 'Clerk', orgs.opcc, 'Board Secretary'),
  };
  const board = await ws.call('board.create', {
    name: 'Kent and Medway VRU Strategic Board',
    code: 'VRUSB',
    quorumCount: 4,
    quorumOrganisationIds: [orgs.police],
    papersDueWorkingDays: 5,
    defaultLengthMinutes: 120,
  });
  const member = async (personId: number, role: 'chair' | 'vice_chair' | 'member' | 'adviser' | 'secretariat', substituteIds: number[] = []) =>
    (await ws.call('membership.create', { boardId: board.id, personId, role, startsOn: '2019-10-01', substituteIds })).id;
  const memberships = {
    pcc: await member(people.pcc, 'chair'),
    police: await member(people.police, 'member', [people.policeDeputy]),
    kcc: await member(people.kcc, 'vice_chair'),
    medway: await member(people.medway, 'member'),
    fire: await member(people.fire, 'member'),
    nhs: await member(people.nhs, 'member'),
    probation: await member(people.probation, 'member'),
    vruManager: await member(people.vruManager, 'adviser'),
    clerk: await member(people.clerk, 'secretariat'),
  };
  return { orgs, people, board, memberships };
}
