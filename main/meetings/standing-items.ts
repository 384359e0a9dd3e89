import { readFileSync } from 'node:fs';
import { templatePath } from '../shared/templates-dir';
import type { Purpose, StandingKind } from './contract';

/**
 * The standing items a new agenda starts and ends with, from
 * templates/meetings/standing-items.json: a default for every board, replaced for a board
 * by an entry under its code. A missing or broken file falls back to the built-in list.
 */
export interface StandingItem {
  /** null: a standing item of the board's own with no special step (e.g. a risk register). */
  kind: StandingKind | null;
  placement: 'start' | 'end';
  title: string;
  purpose: Purpose;
  minutesAllotted: number;
  /** 'chair': the board's chair on the meeting's date leads the item. */
  lead: 'chair' | null;
}

export const BUILT_IN_STANDING_ITEMS: StandingItem[] = [
  { kind: 'welcome', placement: 'start', title: 'Welcome, introductions and apologies', purpose: 'noting', minutesAllotted: 5, lead: 'chair' },
  { kind: 'declarations', placement: 'start', title: 'Declarations of interest', purpose: 'noting', minutesAllotted: 5, lead: 'chair' },
  { kind: 'minutes', placement: 'start', title: 'Minutes of the last meeting and matters arising (including the action log)', purpose: 'decision', minutesAllotted: 10, lead: 'chair' },
  { kind: 'aob', placement: 'end', title: 'Any other business', purpose: 'discussion', minutesAllotted: 10, lead: 'chair' },
  { kind: 'next_meeting', placement: 'end', title: 'Date of next meeting', purpose: 'information', minutesAllotted: 5, lead: 'chair' },
];

const KINDS = ['welcome', 'declarations', 'minutes', 'aob', 'next_meeting'];
const PURPOSES = ['decision', 'discussion', 'information', 'noting'];

function valid(list: unknown): list is StandingItem[] {
  return (
    Array.isArray(list) &&
    list.every(
      (i) =>
        i &&
        KINDS.includes(i.kind) &&
        (i.placement === 'start' || i.placement === 'end') &&
        typeof i.title === 'string' &&
        i.title.trim() !== '' &&
        PURPOSES.includes(i.purpose) &&
        Number.isInteger(i.minutesAllotted) &&
        i.minutesAllotted >= 0,
    )
  );
}

export function standingItemsFor(boardCode: string): StandingItem[] {
  try {
    const file = JSON.parse(readFileSync(templatePath('meetings', 'standing-items.json'), 'utf8')) as { default?: unknown; byBoardCode?: Record<string, unknown> };
    const own = file.byBoardCode?.[boardCode];
    if (own !== undefined && valid(own)) return own.map((i) => ({ ...i, lead: i.lead === 'chair' ? 'chair' : null }));
    if (valid(file.default)) return file.default.map((i) => ({ ...i, lead: i.lead === 'chair' ? 'chair' : null }));
  } catch {
    // The built-in list below is the same as the shipped file.
  }
  return BUILT_IN_STANDING_ITEMS;
}

/** Standing items that close an agenda: new items go in before them. */
export const CLOSING_KINDS: readonly string[] = ['aob', 'next_meeting'];
