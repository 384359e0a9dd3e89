import { describe, expect, it } from 'vitest';
import { dueNotice } from '../../main/meetings/due-notice';

describe('the desktop notice of actions falling due', () => {
  it('says nothing when nothing is due', () => {
    expect(dueNotice(0, 0)).toBeNull();
  });
  it('counts what is due this week and what is overdue, in plain words', () => {
    expect(dueNotice(1, 0)!.body).toBe('1 action falls due this week. Open the action log to follow them up.');
    expect(dueNotice(3, 2)!.body).toBe('3 actions fall due this week; 2 actions are overdue. Open the action log to follow them up.');
    expect(dueNotice(0, 1)!.body).toBe('1 action is overdue. Open the action log to follow them up.');
  });
});
