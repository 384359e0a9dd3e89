import { describe, expect, it } from 'vitest';
import { nextStatus, statusMoveProblem } from '../../main/meetings/meeting-status';

describe('meeting status flow', () => {
  it('goes planned → agenda issued → held → minutes draft → minutes approved', () => {
    expect(nextStatus('planned')).toBe('agenda_issued');
    expect(nextStatus('agenda_issued')).toBe('held');
    expect(nextStatus('held')).toBe('minutes_draft');
    expect(nextStatus('minutes_draft')).toBe('minutes_approved');
    expect(nextStatus('minutes_approved')).toBeNull();
  });
  it('allows one step forward or back', () => {
    expect(statusMoveProblem('planned', 'agenda_issued')).toBeNull();
    expect(statusMoveProblem('minutes_approved', 'minutes_draft')).toBeNull();
  });
  it('refuses a jump and names the next step', () => {
    expect(statusMoveProblem('planned', 'held')).toBe(
      'A meeting moves one step at a time (planned → agenda issued → held → minutes draft → minutes approved). This one is "Planned", so it cannot go to "Held"; its next step is "Agenda issued".',
    );
    expect(statusMoveProblem('held', 'held')).toBe('The meeting is already "Held".');
  });
});
