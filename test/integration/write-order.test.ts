import { describe, expect, it } from 'vitest';
import { tempWorkspace } from '../helpers/workspace';

describe('writes from one app', () => {
  it('apply in the order they were sent, each answer including the ones before, on either engine', async () => {
    const ws = await tempWorkspace();
    const org = await ws.call('organisation.create', { name: 'Kent Police', kind: 'police' });
    // Sent together, as a quick user's clicks reach the bridge: not awaited one by one.
    const names = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot'];
    const created = await Promise.all(names.map((familyName) => ws.call('person.create', { givenName: 'Sam', familyName, organisationId: org.id })));
    expect(created.map((p) => p.id)).toEqual([...created.map((p) => p.id)].sort((a, b) => a - b));
    // The same record changed twice at once ends as the second change asked.
    const [first, second] = await Promise.all([
      ws.call('organisation.update', { id: org.id, notes: 'first' }),
      ws.call('organisation.update', { id: org.id, notes: 'second' }),
    ]);
    expect(first.notes).toBe('first');
    expect(second.notes).toBe('second');
    expect((await ws.call('organisation.get', { id: org.id })).notes).toBe('second');
    expect((await ws.call('organisation.get', { id: org.id })).peopleCount).toBe(names.length);
  });
});
