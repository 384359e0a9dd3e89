import { describe, expect, it } from 'vitest';
import { tempWorkspace } from '../helpers/workspace';

describe('organisations and people', () => {
  it('adds, edits, searches and deletes a person, each step in the audit trail', async () => {
    const ws = await tempWorkspace();
    const police = await ws.call('organisation.create', { name: 'Kent Police', kind: 'police' });
    expect(police).toMatchObject({ name: 'Kent Police', kind: 'police', peopleCount: 0 });

    const ben = await ws.call('person.create', { givenName: 'Ben', familyName: 'Loose', honorific: 'DCI', jobTitle: 'VRU Manager', organisationId: police.id });
    expect(ben.organisationName).toBe('Kent Police');

    const edited = await ws.call('person.update', { ...pick(ben), jobTitle: 'VRU Manager (police lead)' });
    expect(edited.jobTitle).toBe('VRU Manager (police lead)');

    expect(await ws.call('person.list', { search: 'loose' })).toHaveLength(1);
    expect(await ws.call('person.list', { search: 'kent police' })).toHaveLength(1);
    expect(await ws.call('person.list', { search: 'nobody' })).toHaveLength(0);
    expect(await ws.call('person.list', { search: '%' })).toHaveLength(0);

    await ws.call('person.delete', { id: ben.id });
    expect(await ws.call('person.list', {})).toHaveLength(0);

    const trail = await ws.call('audit.list', { entity: 'person', entityId: ben.id });
    expect(trail.map((e) => e.action)).toEqual(['delete', 'update', 'create']);
    expect(trail[1]!.before).toMatchObject({ job_title: 'VRU Manager' });
    expect(trail[1]!.after).toMatchObject({ job_title: 'VRU Manager (police lead)' });
    expect(trail[0]!.operation).toBe('person.delete');
    // On PostgreSQL the audit trail names the role connected (the test cluster's superuser), not the session's actor.
    expect(trail[0]!.actor).toBe(ws.engine === 'postgres' ? 'postgres' : 'test');
  });

  it('names the field when input is bad, and writes nothing', async () => {
    const ws = await tempWorkspace();
    const err = await ws.fails('person.create', { givenName: 'Ann', familyName: '   ' });
    expect(err).toMatchObject({ code: 'validation', field: 'familyName' });
    expect(err.message).toContain('Family name is required');

    const bad = await ws.fails('person.create', { givenName: 'Ann', familyName: 'Lee', email: 'not-an-email' });
    expect(bad.field).toBe('email');

    const missingOrg = await ws.fails('person.create', { givenName: 'Ann', familyName: 'Lee', organisationId: 999 });
    expect(missingOrg).toMatchObject({ code: 'person.organisationMissing', field: 'organisationId' });

    const extra = await ws.fails('organisation.create', { name: 'X', colour: 'red' });
    expect(extra.message).toContain('colour');

    expect(await ws.call('person.list', {})).toHaveLength(0);
    expect(await ws.call('audit.list', {})).toHaveLength(0);
  });

  it('changes only the fields an update sends', async () => {
    const ws = await tempWorkspace();
    const org = await ws.call('organisation.create', { name: 'Kent Fire & Rescue Service', shortName: 'KFRS', kind: 'fire', notes: 'Member since 2019' });
    const renamed = await ws.call('organisation.update', { id: org.id, name: 'Kent Fire and Rescue Service' });
    expect(renamed).toMatchObject({ name: 'Kent Fire and Rescue Service', shortName: 'KFRS', kind: 'fire', notes: 'Member since 2019' });
  });

  it('refuses a duplicate organisation name, whatever its case', async () => {
    const ws = await tempWorkspace();
    await ws.call('organisation.create', { name: 'Medway Council', kind: 'council' });
    const err = await ws.fails('organisation.create', { name: 'medway council' });
    expect(err).toMatchObject({ code: 'organisation.duplicateName', field: 'name' });
  });

  it('will not delete an organisation people belong to, and says why', async () => {
    const ws = await tempWorkspace();
    const kcc = await ws.call('organisation.create', { name: 'Kent County Council', kind: 'council' });
    await ws.call('person.create', { givenName: 'Mark', familyName: 'Powell', organisationId: kcc.id });
    const err = await ws.fails('organisation.delete', { id: kcc.id });
    expect(err.code).toBe('organisation.inUse');
    expect(err.message).toMatch(/1 person still refer/);
    expect(await ws.call('organisation.get', { id: kcc.id })).toMatchObject({ peopleCount: 1 });
    expect(err).toMatchObject({ field: 'id', message: 'Kent County Council cannot be deleted: 1 person still refer to it. Move or remove those first.' });
  });

  it('will not delete a person who sits on a board, nor a board that has met, and says what to do', async () => {
    const ws = await tempWorkspace();
    const mark = await ws.call('person.create', { givenName: 'Mark', familyName: 'Powell', organisationId: null });
    const board = await ws.call('board.create', { name: 'Kent and Medway VRU Strategic Board', code: 'SB' });
    await ws.call('membership.create', { boardId: board.id, personId: mark.id, startsOn: '2019-10-01' });
    expect(await ws.fails('person.delete', { id: mark.id })).toEqual({
      code: 'person.inUse',
      field: 'id',
      message: 'Mark Powell cannot be deleted: 1 board membership still refer to them. End or reassign those first.',
    });
    await ws.call('meeting.create', { boardId: board.id, startsAt: '2020-03-10T14:00' });
    expect(await ws.fails('board.delete', { id: board.id })).toEqual({
      code: 'board.inUse',
      field: 'id',
      message: 'Kent and Medway VRU Strategic Board cannot be deleted: 1 meeting still refer to it.',
    });
  });

  it('rejects an unknown operation without throwing', async () => {
    const ws = await tempWorkspace();
    const env = await ws.raw('person.explode' as never, {});
    expect(env).toMatchObject({ ok: false, error: { code: 'unknownOperation' } });
  });
});

function pick(p: { id: number; givenName: string; familyName: string; honorific: string; jobTitle: string; organisationId: number | null; email: string; phone: string; notes: string }) {
  const { id, givenName, familyName, honorific, jobTitle, organisationId, email, phone, notes } = p;
  return { id, givenName, familyName, honorific, jobTitle, organisationId, email, phone, notes };
}
