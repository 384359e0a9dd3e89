import { z } from 'zod';
import { command, edit, query } from '../api/define';
import { id, isoDate, nullable, patchOf, requiredText } from '../api/fields';
import { INTEREST_TYPES } from '../db/migrations/010-register-of-interests';

export { INTEREST_TYPES };
export type InterestType = (typeof INTEREST_TYPES)[number];

/** The types as the model code of conduct names them, on screen and in the pack. */
export const INTEREST_TYPE_LABELS: Record<InterestType, string> = {
  pecuniary: 'Disclosable pecuniary interest',
  other_registrable: 'Other registrable interest',
  non_registrable: 'Non-registrable interest',
};

/** One entry of a person's register of interests. */
export interface Interest {
  /** The version it was read at: an edit sends it back and is refused if the record has changed since. */
  version: number;
  id: number;
  personId: number;
  /** The person's name. */
  name: string;
  type: InterestType;
  description: string;
  startsOn: string;
  endsOn: string | null;
  reviewedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export const interestType = (label = 'Type') =>
  z.enum(INTEREST_TYPES, { error: `${label} must be pecuniary, other_registrable or non_registrable` });

const interestFields = {
  type: interestType(),
  description: requiredText('Description', 1000),
  startsOn: isoDate('From'),
  endsOn: nullable(isoDate('To')),
  reviewedOn: nullable(isoDate('Reviewed on')),
};

export const interestInput = z.object({ personId: id('Person'), ...interestFields }).strict();

export const interestsContract = {
  'interest.list': query<Interest[]>()(
    z.object({ personId: id('Person'), on: nullable(isoDate('On')) }).strict(),
    'A person’s register of interests: every entry, or those current on a date (from on or before it, to on or after it)',
  ),
  'interest.create': command<Interest>()(interestInput, 'Add an entry to a person’s register of interests'),
  'interest.update': edit<Interest>()(
    'interest',
    z.object({ id: id('Interest'), ...patchOf(interestFields) }).strict(),
    'Change an entry of the register: its type, description, dates or the date it was reviewed (to end it, set its to date)',
  ),
  'interest.delete': edit<{ id: number }>()('interest', z.object({ id: id('Interest') }).strict(), 'Remove an entry recorded by mistake (declarations of it keep what was declared)'),
} as const;
