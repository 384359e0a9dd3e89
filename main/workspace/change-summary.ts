/**
 * A change in the audit trail in a few words, for the notice that says who changed what
 * ("alice updated action A42 ‘Refresh the problem profile’"). Pure: the workspace.changes
 * handler writes each change's summary with it, and the renderer's audit trail
 * (renderer/src/audit/describe.ts) names records with the same recordName and words.
 * The audit rows are the table's columns (snake_case).
 */
import { actionRef } from '../meetings/labels';

export type AuditAction = 'create' | 'update' | 'delete';

export const VERBS: Record<AuditAction, string> = { create: 'created', update: 'updated', delete: 'deleted' };

/** A column or table name in words: job_title → "job title", organisation_id → "organisation". */
export function words(column: string): string {
  return column.replace(/_id$/, '').replace(/_/g, ' ');
}

/** Settings are stored by key; the trail names them as the Settings screen does. */
const SETTING_NAMES: Record<string, string> = {
  organisationName: 'organisation name',
  defaultProtectiveMarking: 'default protective marking',
  userName: 'user name',
};

/** A readable name for the record, where its row has one. */
export function recordName(row: Record<string, unknown> | null): string | null {
  if (!row) return null;
  if (typeof row.key === 'string' && row.key in SETTING_NAMES) return SETTING_NAMES[row.key]!;
  const given = row.given_name;
  const family = row.family_name;
  if (typeof given === 'string' && typeof family === 'string') return `${given} ${family}`.trim();
  for (const key of ['name', 'title', 'key', 'reference']) {
    const v = row[key];
    if (typeof v === 'string' && v) return v;
  }
  return null;
}

const LONGEST_NAME = 60;

/** A name short enough for a one-line notice, cut at a word. */
function clipped(name: string): string {
  const one = name.replace(/\s+/g, ' ').trim();
  if (one.length <= LONGEST_NAME) return one;
  const cut = one.slice(0, LONGEST_NAME);
  const space = one[LONGEST_NAME] === ' ' ? LONGEST_NAME : cut.lastIndexOf(' ');
  return `${(space > LONGEST_NAME / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/**
 * The record a change is about, as the screens name it: an action by its reference and
 * description, another record by its name (or its table and id when it has none).
 */
export function recordLabel(entity: string, entityId: number, row: Record<string, unknown> | null): string {
  if (entity === 'action') {
    const description = typeof row?.description === 'string' && row.description ? ` ‘${clipped(row.description)}’` : '';
    return `action ${actionRef(entityId)}${description}`;
  }
  // A paper's section by its heading ("Essential Background"), not its key.
  const name = (entity === 'paper_section' && typeof row?.heading === 'string' && row.heading) || recordName(row);
  return name ? `${words(entity)} ‘${clipped(name)}’` : `${words(entity)} ${entityId}`;
}

/**
 * The record a row belongs to, for the rows edited as part of another (a paper's sections, an
 * action's updates, a meeting's agenda and attendance, an indicator's values): a form or editor
 * open on the record hears of a change to them. The column is the row's own reference to it.
 */
const PARTS: Record<string, { entity: string; column: string }> = {
  action_update: { entity: 'action', column: 'action_id' },
  action_due_revision: { entity: 'action', column: 'action_id' },
  paper_section: { entity: 'paper', column: 'paper_id' },
  paper_version: { entity: 'paper', column: 'paper_id' },
  agenda_item: { entity: 'meeting', column: 'meeting_id' },
  attendance: { entity: 'meeting', column: 'meeting_id' },
  declaration: { entity: 'meeting', column: 'meeting_id' },
  indicator_value: { entity: 'indicator', column: 'indicator_id' },
};

export function partOf(entity: string, row: Record<string, unknown> | null): { entity: string; id: number } | null {
  const part = PARTS[entity];
  const id = part && row?.[part.column];
  return part && typeof id === 'number' ? { entity: part.entity, id } : null;
}

export interface SummarisedChange {
  actor: string;
  action: AuditAction;
  entity: string;
  entityId: number;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** "alice updated action A42 ‘Refresh the problem profile’", "bob added an update to action A42". */
export function changeSummary(change: SummarisedChange): string {
  const row = change.after ?? change.before;
  if (change.entity === 'action_update' && typeof row?.action_id === 'number') {
    const verb = change.action === 'create' ? 'added' : VERBS[change.action];
    return `${change.actor} ${verb} an update to action ${actionRef(row.action_id)}`;
  }
  if (change.entity === 'action_due_revision' && typeof row?.action_id === 'number') {
    return `${change.actor} revised the due date of action ${actionRef(row.action_id)}`;
  }
  return `${change.actor} ${VERBS[change.action]} ${recordLabel(change.entity, change.entityId, row)}`;
}
