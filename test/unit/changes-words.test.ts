import { describe, expect, it } from 'vitest';
import { changeSummary, partOf, recordLabel } from '../../main/workspace/change-summary';
import { changeTo } from '../../renderer/src/changes/store';
import { noticeText, people } from '../../renderer/src/changes/notice-text';

const change = (actor: string, operation: string, at: string, summary = `${actor} did ${operation}`, entity = operation.split('.')[0]!, entityId = 1) => ({ actor, operation, at, summary, entity, entityId });

describe("others' changes in words", () => {
  it('names an action by its reference and description, another record by its name, else its table and id', () => {
    expect(recordLabel('action', 42, { description: 'Refresh the problem profile' })).toBe('action A42 ‘Refresh the problem profile’');
    expect(recordLabel('person', 3, { given_name: 'Jane', family_name: 'Smith' })).toBe('person ‘Jane Smith’');
    expect(recordLabel('funding_stream', 2, { name: 'Violence Reduction Fund' })).toBe('funding stream ‘Violence Reduction Fund’');
    expect(recordLabel('setting', 1, { key: 'userName', value: 'Jo' })).toBe('setting ‘user name’');
    expect(recordLabel('spend', 9, { amount_pence: 100 })).toBe('spend 9');
    expect(recordLabel('action', 7, null)).toBe('action A7');
    expect(recordLabel('paper_section', 4, { paper_id: 2, key: 'essential-background', heading: 'Essential Background' })).toBe('paper section ‘Essential Background’');
  });

  it('keeps a long name to one line', () => {
    const label = recordLabel('decision', 1, { title: 'Approve the Response Strategy and the commissioning plan for 2020/21 with the changes the board asked for' });
    expect(label).toBe('decision ‘Approve the Response Strategy and the commissioning plan for…’');
  });

  it('says who did what, and an update to an action as such', () => {
    expect(changeSummary({ actor: 'alice', action: 'update', entity: 'action', entityId: 42, before: { description: 'Old' }, after: { description: 'Refresh the problem profile' } })).toBe(
      'alice updated action A42 ‘Refresh the problem profile’',
    );
    expect(changeSummary({ actor: 'bob', action: 'delete', entity: 'organisation', entityId: 5, before: { name: 'Medway Council' }, after: null })).toBe('bob deleted organisation ‘Medway Council’');
    expect(changeSummary({ actor: 'alice', action: 'create', entity: 'action_update', entityId: 8, before: null, after: { action_id: 42, text: 'Done' } })).toBe(
      'alice added an update to action A42',
    );
  });

  it('lists people as a sentence does', () => {
    expect(people(['alice'])).toBe('alice');
    expect(people(['alice', 'bob'])).toBe('alice and bob');
    expect(people(['alice', 'bob', 'carol'])).toBe('alice, bob and carol');
    expect(people(['alice', 'bob', 'carol', 'dan', 'eve'])).toBe('alice, bob and 3 others');
  });

  it('says one change by its summary, and several as who changed what', () => {
    expect(noticeText([])).toBe('');
    expect(noticeText([change('alice', 'action.update', '2020-03-16T10:42:00', 'alice updated action A42')])).toBe('alice updated action A42');
    expect(
      noticeText([
        change('alice', 'action.update', '2020-03-16T10:42:00', undefined, 'action', 123),
        change('bob', 'spend.setCells', '2020-03-16T10:42:05', undefined, 'spend', 9),
        change('bob', 'spend.setCells', '2020-03-16T10:42:09', undefined, 'spend', 10),
        change('alice', 'action.update', '2020-03-16T10:43:00', undefined, 'action', 123),
      ]),
    ).toBe('alice changed action A123 and bob 2 spend cells');
    expect(
      noticeText([
        change('alice', 'action.update', '2020-03-16T10:42:00', undefined, 'action', 1),
        change('alice', 'action.update', '2020-03-16T10:42:01', undefined, 'action', 2),
        change('alice', 'meeting.update', '2020-03-16T10:42:02', undefined, 'meeting', 7),
        change('alice', 'person.update', '2020-03-16T10:42:03', undefined, 'person', 3),
        change('bob', 'person.update', '2020-03-16T10:42:04', undefined, 'person', 4),
        change('carol', 'spend.setCells', '2020-03-16T10:42:05', undefined, 'spend', 5),
      ]),
    ).toBe('alice changed 2 actions, meeting 7 and 1 other record; bob person 4; carol a spend cell');
    // An update added to an action is a change to the action.
    expect(
      noticeText([
        { ...change('alice', 'action.addUpdate', '2020-03-16T10:42:00', undefined, 'action_update', 8), partOf: { entity: 'action', id: 42 } },
        change('bob', 'action.update', '2020-03-16T10:42:05', undefined, 'action', 42),
      ]),
    ).toBe('alice changed action A42 and bob action A42');
    const many = ['alice', 'bob', 'carol', 'dan'].map((who, i) => change(who, 'action.update', `2020-03-16T10:4${i}:00`));
    expect(noticeText(many)).toBe('alice, bob and 2 others made 4 changes');
  });

  it("counts the rows one save wrote (same person, operation and second, one after another) as one change", () => {
    const meeting = [
      change('alice', 'meeting.create', '2020-03-16T10:42:00', 'alice created meeting ‘Strategic Board’'),
      change('alice', 'meeting.create', '2020-03-16T10:42:00'),
      change('alice', 'meeting.create', '2020-03-16T10:42:00'),
    ];
    expect(noticeText(meeting)).toBe('alice created meeting ‘Strategic Board’');
    expect(noticeText([...meeting, change('bob', 'action.update', '2020-03-16T10:42:00', undefined, 'action', 42)])).toBe('alice changed meeting 1 and bob action A42');
  });
});

describe('which record a change is about, for the line in a form', () => {
  const seen = (id: number, entity: string, entityId: number, partOf: { entity: string; id: number } | null = null) => ({
    id, at: '2020-03-16T10:42:00', actor: 'alice', entity, entityId, action: 'update' as const, operation: 'x', summary: '', partOf, own: false,
  });

  it('knows the record a part belongs to', () => {
    expect(partOf('paper_section', { id: 4, paper_id: 2, key: 'introduction' })).toEqual({ entity: 'paper', id: 2 });
    expect(partOf('action_update', { id: 8, action_id: 42 })).toEqual({ entity: 'action', id: 42 });
    expect(partOf('attendance', { id: 1, meeting_id: 3, person_id: 5 })).toEqual({ entity: 'meeting', id: 3 });
    expect(partOf('person', { id: 3, organisation_id: 1 })).toBeNull();
    expect(partOf('paper_section', null)).toBeNull();
  });

  it('finds the newest change to the record or a part of it, after the form opened', () => {
    const recent = [seen(5, 'paper', 2), seen(6, 'paper_section', 9, { entity: 'paper', id: 2 }), seen(7, 'paper', 3)];
    expect(changeTo(recent, 'paper', 2, 0)?.id).toBe(6);
    expect(changeTo(recent, 'paper', 2, 6)).toBeNull();
    expect(changeTo(recent, 'paper', 3, 6)?.id).toBe(7);
    expect(changeTo(recent, 'action', 2, 0)).toBeNull();
  });
});
