import { describe, expect, it } from 'vitest';
import { clock, numberAgenda, reorderProblem } from '../../main/meetings/agenda-numbering';

const meeting = { startsAt: '2020-03-10T14:00', endsAt: '2020-03-10T16:00' };

describe('agenda numbering and times', () => {
  it('numbers items 1… and starts each when the one before ends', () => {
    const { items, warnings } = numberAgenda(meeting, [
      { id: 1, minutesAllotted: 5 },
      { id: 2, minutesAllotted: 5 },
      { id: 3, minutesAllotted: 10 },
      { id: 4, minutesAllotted: 45 },
      { id: 5, minutesAllotted: 10 },
    ]);
    expect(items.map((i) => [i.number, i.startsAt, i.endsAt])).toEqual([
      [1, '14:00', '14:05'],
      [2, '14:05', '14:10'],
      [3, '14:10', '14:20'],
      [4, '14:20', '15:05'],
      [5, '15:05', '15:15'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('after a reorder the same items get new numbers and times', () => {
    const { items } = numberAgenda(meeting, [
      { id: 4, minutesAllotted: 45 },
      { id: 1, minutesAllotted: 5 },
    ]);
    expect(items.map((i) => [i.id, i.number, i.startsAt])).toEqual([
      [4, 1, '14:00'],
      [1, 2, '14:45'],
    ]);
  });

  it('an agenda ending exactly at the meeting’s end is fine; one minute more is a warning', () => {
    expect(numberAgenda(meeting, [{ minutesAllotted: 120 }]).warnings).toEqual([]);
    const { warnings } = numberAgenda(meeting, [{ minutesAllotted: 100 }, { minutesAllotted: 40 }]);
    expect(warnings).toEqual([
      {
        code: 'agenda.overrun',
        message: 'The agenda runs to 16:20, 20 minutes after the meeting is due to end at 16:00. Shorten items or extend the meeting.',
        field: 'minutesAllotted',
      },
    ]);
    expect(numberAgenda(meeting, [{ minutesAllotted: 185 }]).warnings[0]!.message).toContain('1 hour 5 minutes after');
  });

  it('clock wraps minutes into HH:MM', () => {
    expect(clock(610)).toBe('10:10');
    expect(clock(0)).toBe('00:00');
  });
});

describe('reorder checks', () => {
  it('accepts a permutation', () => expect(reorderProblem([1, 2, 3], [3, 1, 2])).toBeNull());
  it('refuses a duplicate, an unknown item and a missing item', () => {
    expect(reorderProblem([1, 2, 3], [1, 1, 2, 3])).toMatch(/listed twice/);
    expect(reorderProblem([1, 2, 3], [1, 2, 3, 9])).toBe("Agenda item 9 is not on this meeting's agenda.");
    expect(reorderProblem([1, 2, 3], [1, 3])).toBe('The new order leaves out agenda item 2; send every item of the agenda.');
  });
});
