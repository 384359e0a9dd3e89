import { formatDateLong } from '../shared/dates';
import { DomainError } from '../shared/errors';
import { addDays, weekday } from './bank-holidays';

import type { ActionStatus } from './labels';

export { ACTION_STATUSES, ACTION_STATUS_LABELS, type ActionStatus } from './labels';

/** The action log's rules, pure: who owns an action, when it may fall due, when it is overdue. */

export function isLive(status: ActionStatus): boolean {
  return status === 'open' || status === 'in_progress';
}

/** Overdue: still open or in progress, and its due date is before today. */
export function isOverdue(action: { status: ActionStatus; dueOn: string | null }, today: string): boolean {
  return isLive(action.status) && action.dueOn !== null && action.dueOn < today;
}

/** Monday to Sunday of the week holding `today`. */
export function weekOf(today: string): { start: string; end: string } {
  const start = addDays(today, -((weekday(today) + 6) % 7));
  return { start, end: addDays(start, 6) };
}

export function assertOwner(owner: { ownerPersonId: number | null; ownerOrganisationId: number | null }): void {
  if (owner.ownerPersonId === null && owner.ownerOrganisationId === null) {
    throw new DomainError('action.noOwner', 'Owner is required: choose the person or the organisation who will carry out the action.', 'ownerPersonId');
  }
}

/** An action cannot fall due before the meeting that agreed it. */
export function assertDueAfterMeeting(dueOn: string | null, meetingDate: string | null): void {
  if (dueOn !== null && meetingDate !== null && dueOn < meetingDate) {
    throw new DomainError(
      'action.dueBeforeMeeting',
      `Due date ${formatDateLong(dueOn)} is before the meeting that agreed the action (${formatDateLong(meetingDate)}); choose a date on or after the meeting.`,
      'dueOn',
    );
  }
}

/**
 * Whether "Chase" is offered: the action is open or in progress and due by the end of this
 * week (Monday to Sunday), overdue included.
 */
export function isChaseable(action: { status: ActionStatus; dueOn: string | null }, today: string): boolean {
  return chaseableBy(action, weekOf(today).end);
}

/** The same, given the end of this week (the screen has it from action.dueThisWeek, the workspace's own clock). */
export function chaseableBy(action: { status: ActionStatus; dueOn: string | null }, weekEnd: string): boolean {
  return isLive(action.status) && action.dueOn !== null && action.dueOn <= weekEnd;
}
