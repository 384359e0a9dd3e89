import { plural } from '../shared/plural';

/**
 * The words of the desktop notification that tells the secretariat what falls due: null
 * when there is nothing to say (no notification rather than an empty one).
 */
export function dueNotice(dueThisWeek: number, overdue: number): { title: string; body: string } | null {
  if (dueThisWeek === 0 && overdue === 0) return null;
  const parts: string[] = [];
  if (dueThisWeek > 0) parts.push(`${plural(dueThisWeek, 'action falls', 'actions fall')} due this week`);
  if (overdue > 0) parts.push(`${plural(overdue, 'action is', 'actions are')} overdue`);
  return { title: 'Actions to chase', body: parts.join('; ') + '. Open the action log to follow them up.' };
}
