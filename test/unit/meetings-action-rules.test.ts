import { describe, expect, it } from 'vitest';
import { assertDueAfterMeeting, assertOwner, isOverdue, weekOf } from '../../main/meetings/action-rules';
import { DomainError } from '../../main/shared/errors';

describe('action rules', () => {
  it('overdue: open or in progress with a due date before today', () => {
    expect(isOverdue({ status: 'open', dueOn: '2020-03-01' }, '2020-03-02')).toBe(true);
    expect(isOverdue({ status: 'in_progress', dueOn: '2020-03-01' }, '2020-03-02')).toBe(true);
    expect(isOverdue({ status: 'open', dueOn: '2020-03-02' }, '2020-03-02')).toBe(false); // due today is not late yet
    expect(isOverdue({ status: 'done', dueOn: '2020-01-01' }, '2020-03-02')).toBe(false);
    expect(isOverdue({ status: 'dropped', dueOn: '2020-01-01' }, '2020-03-02')).toBe(false);
    expect(isOverdue({ status: 'open', dueOn: null }, '2020-03-02')).toBe(false);
  });

  it('a week runs Monday to Sunday', () => {
    expect(weekOf('2020-03-04')).toEqual({ start: '2020-03-02', end: '2020-03-08' }); // Wednesday
    expect(weekOf('2020-03-02')).toEqual({ start: '2020-03-02', end: '2020-03-08' }); // Monday
    expect(weekOf('2020-03-08')).toEqual({ start: '2020-03-02', end: '2020-03-08' }); // Sunday
    expect(weekOf('2020-01-01')).toEqual({ start: '2019-12-30', end: '2020-01-05' }); // across the year end
  });

  it('an action with no owner is an error naming the owner field', () => {
    try {
      assertOwner({ ownerPersonId: null, ownerOrganisationId: null });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).field).toBe('ownerPersonId');
      expect((err as DomainError).message).toMatch(/^Owner is required/);
    }
    expect(() => assertOwner({ ownerPersonId: null, ownerOrganisationId: 4 })).not.toThrow();
  });

  it('a due date before the meeting is refused, on the day is fine', () => {
    expect(() => assertDueAfterMeeting('2020-03-09', '2020-03-10')).toThrow(
      'Due date 9 March 2020 is before the meeting that agreed the action (10 March 2020); choose a date on or after the meeting.',
    );
    expect(() => assertDueAfterMeeting('2020-03-10', '2020-03-10')).not.toThrow();
    expect(() => assertDueAfterMeeting('2020-01-01', null)).not.toThrow();
  });
});
