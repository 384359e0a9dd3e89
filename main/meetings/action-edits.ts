import { sql } from '../db/statements';
import { tableWrites } from '../db/table-writes';
import { toCamel } from '../db/rows';
import type { Ctx } from '../shared/context';
import { formatDateLong, formatDateShort } from '../shared/dates';
import { DomainError } from '../shared/errors';
import { isChaseable } from './action-rules';
import type { Action } from './contract';
import { actionRef } from './labels';

/**
 * Actions fully editable (issue 15, point 4): the revised due date's history and the
 * "Chase" email. A due date, once set, is revised only with a reason; each revision is kept
 * (migration 009, action_due_revision), so the log can print the date first agreed and every
 * revision with its reason. The first due date set on an action that never had one is not a
 * revision (nothing was agreed before it) and needs no reason.
 */
export interface DueRevision {
  id: number;
  actionId: number;
  /** The day the due date was changed. */
  revisedOn: string;
  /** The due date before (null only after a revision that took the date away). */
  previousDueOn: string | null;
  /** The due date after (null: no date now). */
  dueOn: string | null;
  reason: string;
}

/** A chasing email for the owner of an action that is due this week or overdue. */
export interface ActionChase {
  actionId: number;
  reference: string;
  ownerName: string;
  /** The owner's address (a person's email, else their organisation's contact email), or null when none is recorded. */
  to: string | null;
  subject: string;
  body: string;
  /** mailto: with the address, subject and body; null when there is no address. */
  href: string | null;
  /** Why there is no link, when there is none. */
  noEmail: string | null;
}

type Row = Record<string, unknown>;

const revisionWrites = tableWrites('action_due_revision');

export const dueRevisions = {
  async of(ctx: Ctx, actionId: number): Promise<DueRevision[]> {
    return (await sql<Row>(ctx, `SELECT * FROM action_due_revision WHERE action_id = ? ORDER BY id`).all(actionId)).map((r) => toCamel<DueRevision>(r));
  },
  /** The revisions of many actions (an export), by action. */
  async ofMany(ctx: Ctx, actionIds: number[]): Promise<Map<number, DueRevision[]>> {
    const byAction = new Map<number, DueRevision[]>();
    for (let i = 0; i < actionIds.length; i += 500) {
      const chunk = actionIds.slice(i, i + 500);
      const rows = await sql<Row>(ctx, `SELECT * FROM action_due_revision WHERE action_id IN (${chunk.map((_, j) => `@a${j}`).join(', ')}) ORDER BY action_id, id`).all(
        Object.fromEntries(chunk.map((id, j) => [`a${j}`, id])),
      );
      for (const r of rows) {
        const rev = toCamel<DueRevision>(r);
        const list = byAction.get(rev.actionId) ?? [];
        list.push(rev);
        byAction.set(rev.actionId, list);
      }
    }
    return byAction;
  },
  insert: revisionWrites.insert,
};

/**
 * The revision a change of due date makes, or null when it makes none; refused, naming
 * dueReason, when a due date already agreed changes without a reason, or a reason comes
 * with no change of date. Checked before anything is written.
 */
export function dueRevisionOf(
  action: Pick<Action, 'id' | 'dueOn' | 'dueRevisionCount'>,
  newDueOn: string | null | undefined,
  reason: string | undefined,
  today: string,
): { actionId: number; revisedOn: string; previousDueOn: string | null; dueOn: string | null; reason: string } | null {
  const changes = newDueOn !== undefined && newDueOn !== action.dueOn;
  const reasonGiven = reason !== undefined && reason.trim() !== '';
  if (!changes) {
    if (reasonGiven) {
      throw new DomainError('action.reasonWithoutRevision', 'Reason for the new due date is given but the due date is unchanged: change the due date, or leave the reason empty.', 'dueReason');
    }
    return null;
  }
  // The first due date of an action that never had one revises nothing.
  if (action.dueOn === null && action.dueRevisionCount === 0) return null;
  if (!reasonGiven) {
    const was = action.dueOn === null ? 'no due date' : `due ${formatDateLong(action.dueOn)}`;
    throw new DomainError(
      'action.dueReasonRequired',
      `Reason for the new due date is required: the action was ${was}; say why it changes (the original date and the reason are kept in the action log).`,
      'dueReason',
    );
  }
  return { actionId: action.id, revisedOn: today, previousDueOn: action.dueOn, dueOn: newDueOn, reason: reason.trim() };
}

/** "31/01/2027 → 15/03/2027 (revised 03/12/2026: the data came late)" for each revision. */
export function revisionLines(revisions: DueRevision[]): string[] {
  return revisions.map(
    (r) => `${r.previousDueOn ? formatDateShort(r.previousDueOn) : 'No date'} → ${r.dueOn ? formatDateShort(r.dueOn) : 'No date'} (revised ${formatDateShort(r.revisedOn)}: ${r.reason})`,
  );
}

/** The address (RFC 6068): an email checked by the people forms holds no spaces; '?', '&', '#' and '%' are encoded. */
function mailtoAddress(address: string): string {
  return address.replace(/[%?&#]/g, (c) => encodeURIComponent(c));
}

/** The app opens a mailto: of at most 2048 characters (main/electron/external-links.ts): the link keeps within it. */
export const MAX_MAILTO_LENGTH = 2048;

export function mailtoHref(to: string, subject: string, body: string): string {
  // encodeURIComponent writes a space as %20 (not +) and a line break as %0A, as mail clients expect.
  return `mailto:${mailtoAddress(to)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replace(/\n/g, '\r\n'))}`;
}

/** The chasing email for an action (refused, naming id, when it is not due this week or overdue). */
export async function chaseOf(ctx: Ctx, action: Action, today: string): Promise<ActionChase> {
  if (!isChaseable(action, today)) {
    const why =
      action.status === 'done' || action.status === 'dropped'
        ? `it is ${action.status}`
        : action.dueOn === null
          ? 'it has no due date'
          : `it is not due until ${formatDateLong(action.dueOn)}`;
    throw new DomainError('action.notDue', `Action ${actionRef(action.id)} cannot be chased: ${why}. Chase an action that is due this week or overdue.`, 'id');
  }
  const person = action.ownerPersonId === null ? undefined : await sql<{ given_name: string; email: string }>(ctx, `SELECT given_name, email FROM person WHERE id = ?`).get(action.ownerPersonId);
  const orgId = action.ownerOrganisationId;
  const organisation = orgId === null ? undefined : await sql<{ name: string; email: string }>(ctx, `SELECT name, email FROM organisation WHERE id = ?`).get(orgId);
  const to = (person?.email || organisation?.email || '').trim() || null;
  const reference = actionRef(action.id);
  const due = formatDateLong(action.dueOn);
  const overdue = action.dueOn !== null && action.dueOn < today;
  const subject = `Action ${reference}: ${overdue ? `overdue since ${due}` : `due ${due}`}`;
  const agreed = action.meetingStartsAt ? ` agreed at the ${action.boardName ?? ''} meeting of ${formatDateLong(action.meetingStartsAt)}`.replace('  ', ' ') : '';
  const bodyWith = (description: string) => [
    `Dear ${person?.given_name ?? organisation?.name ?? action.ownerName},`,
    '',
    `Action ${reference}${agreed}:`,
    description,
    '',
    overdue ? `It was due on ${due} and is still open.` : `It is due on ${due}.`,
    action.originalDueOn ? `(It was first due on ${formatDateLong(action.originalDueOn)}.)` : '',
    'Could you let me know where it stands, or when it will be done?',
    '',
    'Thank you.',
  ]
    .filter((line, i, all) => line !== '' || all[i - 1] !== '')
    .join('\n');
  // A long action is shortened in the email (never the address or the due date), so the link opens.
  let description = action.description;
  let body = bodyWith(description);
  while (to !== null && mailtoHref(to, subject, body).length > MAX_MAILTO_LENGTH && description.length > 40) {
    description = `${description.slice(0, Math.floor(description.length * 0.8)).trimEnd()}…`;
    body = bodyWith(description);
  }
  const noEmail = to === null ? `${action.ownerName} has no email address recorded: add one in Organisations & People, or chase them another way.` : null;
  return { actionId: action.id, reference, ownerName: action.ownerName, to, subject, body, href: to === null ? null : mailtoHref(to, subject, body), noEmail };
}
