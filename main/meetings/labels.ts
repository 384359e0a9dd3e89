/**
 * The meetings area's fixed lists and the words shown for them, in one pure module that
 * the contract, the exports and the screens all import (it imports only another pure list,
 * so the renderer can use it too).
 */
import { PROTECTIVE_MARKINGS } from '../shared/protective-marking';

export const BOARD_KINDS = ['board', 'group', 'partnership', 'panel'] as const;
export type BoardKind = (typeof BOARD_KINDS)[number];
export const BOARD_KIND_LABELS: Record<BoardKind, string> = { board: 'Board', group: 'Group', partnership: 'Partnership', panel: 'Panel' };

export const ROLES = ['chair', 'vice_chair', 'member', 'adviser', 'secretariat'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = { chair: 'Chair', vice_chair: 'Vice-chair', member: 'Member', adviser: 'Adviser', secretariat: 'Secretariat' };

export const PURPOSES = ['decision', 'discussion', 'information', 'noting'] as const;
export type Purpose = (typeof PURPOSES)[number];
export const PURPOSE_LABELS: Record<Purpose, string> = {
  decision: 'For decision',
  discussion: 'For discussion',
  information: 'For information',
  noting: 'For noting',
};

export const MARKINGS = PROTECTIVE_MARKINGS;
export type { ProtectiveMarking } from '../shared/protective-marking';

export const ATTENDANCE_STATUSES = ['present', 'apologies', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = { present: 'Present', apologies: 'Apologies', absent: 'Absent' };

export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

/** "A12": how an action is referred to in documents and on screen. */
export function actionRef(id: number): string {
  return `A${id}`;
}
