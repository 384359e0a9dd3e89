import { z } from 'zod';
import { command, edit, query } from '../api/define';
import { email, id, optionalText, patchOf, requiredText, searchText } from '../api/fields';

export const ORGANISATION_KINDS = [
  'police', 'opcc', 'council', 'health', 'fire', 'probation', 'youth_justice', 'education', 'charity', 'government', 'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  police: 'Police',
  opcc: 'Office of the PCC',
  council: 'Council',
  health: 'Health',
  fire: 'Fire and rescue',
  probation: 'Probation',
  youth_justice: 'Youth justice',
  education: 'Education',
  charity: 'Charity or community group',
  government: 'Government',
  other: 'Other',
};

export interface Organisation {
  /** The version it was read at: an edit sends it back and is refused if the record has changed since. */
  version: number;
  id: number;
  name: string;
  shortName: string | null;
  kind: OrganisationKind;
  /** The organisation's contact email ('' when none is recorded): "Chase" on an action it owns writes to it. */
  email: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
  peopleCount: number;
}

export interface Person {
  /** The version it was read at: an edit sends it back and is refused if the record has changed since. */
  version: number;
  id: number;
  givenName: string;
  familyName: string;
  honorific: string;
  jobTitle: string;
  organisationId: number | null;
  organisationName: string | null;
  email: string;
  phone: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

const organisationFields = {
  name: requiredText('Name', 160),
  shortName: z.string({ error: 'Short name must be text' }).trim().max(40, 'Short name must be at most 40 characters').nullable().default(null),
  kind: z.enum(ORGANISATION_KINDS, { error: `Kind must be one of: ${ORGANISATION_KINDS.join(', ')}` }).default('other'),
  email: email('Contact email'),
  notes: optionalText('Notes'),
};

const personFields = {
  givenName: requiredText('Given name', 80),
  familyName: requiredText('Family name', 80),
  honorific: optionalText('Title', 40),
  jobTitle: optionalText('Job title', 160),
  organisationId: id('Organisation').nullable().default(null),
  email: email(),
  phone: z
    .string({ error: 'Phone must be text' })
    .trim()
    .max(40, 'Phone must be at most 40 characters')
    .refine((s) => /^[0-9+() -]*$/.test(s), 'Phone may contain only digits, spaces, +, ( and )')
    .default(''),
  notes: optionalText('Notes'),
};

const search = searchText();

export const organisationInput = z.object(organisationFields).strict();
export const personInput = z.object(personFields).strict();

export const peopleContract = {
  'organisation.list': query<Organisation[]>()(z.object({ search }).strict().default({ search: '' }), 'Organisations, by name, filtered by a search'),
  'organisation.get': query<Organisation>()(z.object({ id: id() }).strict(), 'One organisation'),
  'organisation.create': command<Organisation>()(organisationInput, 'Add an organisation'),
  'organisation.update': edit<Organisation>()('organisation', 
    z.object({ id: id(), ...patchOf(organisationFields) }).strict(),
    'Change an organisation: only the fields sent change',
  ),
  'organisation.delete': edit<{ id: number }>()('organisation', z.object({ id: id() }).strict(), 'Delete an organisation nobody refers to'),

  'person.list': query<Person[]>()(
    z.object({ search, organisationId: id('Organisation').nullable().default(null) }).strict().default({ search: '', organisationId: null }),
    'People, by family name, filtered by a search or organisation',
  ),
  'person.get': query<Person>()(z.object({ id: id() }).strict(), 'One person'),
  'person.create': command<Person>()(personInput, 'Add a person'),
  'person.update': edit<Person>()('person', z.object({ id: id(), ...personFields }).strict(), 'Change a person'),
  'person.delete': edit<{ id: number }>()('person', z.object({ id: id() }).strict(), 'Delete a person nobody refers to'),
} as const;
