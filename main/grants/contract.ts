import { z } from 'zod';
import { command, edit, query } from '../api/define';
import { financialYear, id, isoDate, money, nullable, optionalText, patchOf, requiredText } from '../api/fields';
import { importTable, TIERS, type FundingWarning, type ImportTable, type Tier } from '../funding/contract';
import { ORGANISATION_KINDS, type OrganisationKind } from '../people/contract';

/**
 * The grant round (issue 10): funding rounds on a stream, with their rules, and the bids made
 * to them, entered on a form or imported from an online form's CSV/xlsx export. Money arrives
 * as text typed by a person and leaves as integer pence, as in the funding area.
 */

export interface RoundCriterion {
  id: number;
  position: number;
  name: string;
  /** Its share of the total: a bid's weighted total is Σ score × weight. */
  weight: number;
  description: string;
}

export interface FundingRound {
  /** The version it was read at: an edit sends it back and is refused if the record has changed since. */
  version: number;
  id: number;
  streamId: number;
  streamName: string;
  name: string;
  opensOn: string;
  closesOn: string;
  firstYear: string;
  lastYear: string;
  /** Every financial year the round funds, first to last. */
  years: string[];
  /** The round's own cap per award per year; null: the stream's (capPence). */
  awardCapPence: number | null;
  /** The cap bids are checked against: the round's, else the stream's, else none. */
  capPence: number | null;
  /** Criteria are scored 0 to this. */
  maxScore: number;
  /** Who may bid; empty: any kind of organisation. */
  eligibleKinds: OrganisationKind[];
  /** The themes bids are made under; empty: any. */
  themes: string[];
  /** The intervention tiers the round funds; empty: any. */
  tiers: Tier[];
  criteria: RoundCriterion[];
  notes: string;
  bidCount: number;
  /** The amount asked for by every bid, per year of the round. */
  askedPence: { financialYear: string; amountPence: number }[];
  createdAt: string;
  updatedAt: string;
}

export interface BidYear {
  financialYear: string;
  amountPence: number;
}

export interface Bid {
  /** The version it was read at: an edit sends it back and is refused if the record has changed since. */
  version: number;
  id: number;
  roundId: number;
  organisationId: number;
  organisationName: string;
  organisationKind: OrganisationKind;
  project: string;
  description: string;
  theme: string;
  tier: Tier | null;
  outcomes: string;
  matchFundingPence: number;
  /** The documents the bid refers to (file names or links), one each. */
  documents: string[];
  receivedOn: string;
  years: BidYear[];
  totalPence: number;
  /** What the rules warned of when it was entered (over the cap, late…), as the panel is to see it. */
  warnings: FundingWarning[];
  createdAt: string;
  updatedAt: string;
}

export interface BidResult {
  bid: Bid;
  warnings: FundingWarning[];
  /** Set when the bidding organisation was new and has been added to Organisations. */
  organisationCreated: { id: number; name: string } | null;
}

/** Which column of the file holds what; columns are named by their header text ('' for none). */
export interface BidImportMapping {
  organisation: string;
  organisationKind: string;
  project: string;
  description: string;
  theme: string;
  tier: string;
  outcomes: string;
  matchFunding: string;
  documents: string;
  receivedOn: string;
  /** The column of the amount asked for in each year of the round. */
  amounts: { financialYear: string; column: string }[];
}

export type BidImportOutcome = 'new' | 'duplicate' | 'rejected';

export interface BidImportRow {
  outcome: BidImportOutcome;
  /** The file's row (1-based; the header is row 1). */
  sourceRow: number;
  organisationName: string;
  /** True when no organisation of that name exists yet: importing adds it. */
  newOrganisation: boolean;
  project: string;
  years: BidYear[];
  totalPence: number;
  warnings: FundingWarning[];
  /** Why it is rejected or a duplicate; for a new bid, what it asks for. */
  reason: string;
  /** The bid made, once committed. */
  bidId: number | null;
}

export interface BidImportPreview {
  roundId: number;
  mapping: BidImportMapping;
  rows: BidImportRow[];
  counts: Record<BidImportOutcome, number>;
  /** How many new organisations importing adds. */
  newOrganisations: number;
}

export interface BidImportRead {
  table: ImportTable;
  mapping: BidImportMapping;
}

const roundId = id('Funding round');
const year = financialYear();

const criterionInput = z
  .object({
    name: requiredText('Criterion', 200),
    weight: z.number({ error: 'Weight must be a number' }).int('Weight must be a whole number').min(1, 'Weight must be at least 1').max(1000, 'Weight must be at most 1000'),
    description: optionalText('Criterion description', 1000),
  })
  .strict();

const roundFields = {
  name: requiredText('Name', 200),
  opensOn: isoDate('Opens'),
  closesOn: isoDate('Closes'),
  firstYear: financialYear('First year'),
  lastYear: financialYear('Last year'),
  awardCap: money('Award cap').nullable().default(null),
  maxScore: z.number({ error: 'Top score must be a number' }).int('Top score must be a whole number').min(1, 'Top score must be at least 1').max(100, 'Top score must be at most 100').default(5),
  eligibleKinds: z
    .array(z.enum(ORGANISATION_KINDS, { error: `Eligible kind must be one of: ${ORGANISATION_KINDS.join(', ')}` }), { error: 'Eligible kinds must be a list' })
    .max(ORGANISATION_KINDS.length)
    .default([]),
  themes: z.array(requiredText('Theme', 160), { error: 'Themes must be a list' }).max(30, 'At most 30 themes').default([]),
  tiers: z.array(z.enum(TIERS, { error: 'Tier must be primary, secondary or tertiary' }), { error: 'Tiers must be a list' }).max(3).default([]),
  criteria: z.array(criterionInput, { error: 'Criteria must be a list' }).max(30, 'At most 30 criteria').default([]),
  notes: optionalText('Notes'),
};

const bidYearInput = z.object({ financialYear: year, amount: money('Amount asked for') }).strict();

/** A bidding organisation not yet in Organisations: added on the way, under its kind. */
const newOrganisation = z
  .object({
    name: requiredText('Organisation name', 200),
    kind: z.enum(ORGANISATION_KINDS, { error: `Organisation kind must be one of: ${ORGANISATION_KINDS.join(', ')}` }),
  })
  .strict();

const bidFields = {
  project: requiredText('Project', 200),
  description: optionalText('Description', 4000),
  theme: optionalText('Theme', 160),
  tier: z.enum(TIERS, { error: 'Tier must be primary, secondary or tertiary' }).nullable().default(null),
  outcomes: optionalText('Outcomes promised', 4000),
  matchFunding: money('Match funding offered').default(0),
  documents: z.array(requiredText('Document', 500), { error: 'Documents must be a list' }).max(50, 'At most 50 documents').default([]),
  receivedOn: nullable(isoDate('Received on')),
  years: z.array(bidYearInput, { error: 'Amounts must be a list of {financialYear, amount}' }).min(1, 'Give the amount asked for in at least one year').max(10),
};

const columnName = (label: string) => z.string({ error: `${label} column must be text` }).max(200).default('');

const bidMapping = z
  .object({
    organisation: requiredText('Organisation column', 200),
    organisationKind: columnName('Organisation kind'),
    project: requiredText('Project column', 200),
    description: columnName('Description'),
    theme: columnName('Theme'),
    tier: columnName('Tier'),
    outcomes: columnName('Outcomes'),
    matchFunding: columnName('Match funding'),
    documents: columnName('Documents'),
    receivedOn: columnName('Received on'),
    amounts: z
      .array(z.object({ financialYear: year, column: columnName('Amount') }).strict(), { error: 'Amounts must be a list of {financialYear, column}' })
      .min(1, 'Choose the column of the amount asked for in at least one year')
      .max(10),
  })
  .strict();

export const grantsContract = {
  'round.list': query<FundingRound[]>()(z.object({ streamId: id('Funding stream') }).strict(), 'The funding rounds of a stream, newest first'),
  'round.get': query<FundingRound>()(z.object({ id: roundId }).strict(), 'One funding round with its rules and criteria'),
  'round.create': command<FundingRound>()(
    z.object({ streamId: id('Funding stream'), ...roundFields }).strict(),
    'Open a funding round on a stream: dates, cap per award per year, years, eligible kinds of organisation, themes and tiers, scoring criteria with weights',
  ),
  'round.update': edit<FundingRound>()(
    'funding_round',
    z.object({ id: roundId, ...patchOf(roundFields) }).strict(),
    'Change a funding round; lists given (kinds, themes, tiers, criteria) replace the round’s',
  ),

  'bid.list': query<Bid[]>()(z.object({ roundId }).strict(), 'The bids to a round, in the order received'),
  'bid.get': query<Bid>()(z.object({ id: id('Bid') }).strict(), 'One bid'),
  'bid.create': command<BidResult>()(
    z
      .object({ roundId, organisationId: id('Organisation').optional(), organisation: newOrganisation.optional(), ...bidFields })
      .strict()
      .refine((v) => (v.organisationId === undefined) !== (v.organisation === undefined), { message: 'Organisation: choose one from the list, or give a new one’s name and kind (not both)', path: ['organisationId'] }),
    'Enter a bid to a round (a new organisation is added on the way); refused when outside the round’s years, kinds, themes or tiers, warned when over the cap or late',
  ),
  'bid.update': edit<BidResult>()(
    'bid',
    z.object({ id: id('Bid'), organisationId: id('Organisation').optional(), ...patchOf(bidFields) }).strict(),
    'Change a bid; years, when given, replace the amounts asked for',
  ),
  'bid.delete': edit<{ id: number }>()('bid', z.object({ id: id('Bid') }).strict(), 'Withdraw a bid entered by mistake'),

  'bid.importRead': query<BidImportRead>()(
    z
      .object({
        roundId,
        fileName: requiredText('File name', 500),
        contentBase64: z.string({ error: 'File content must be base64 text' }).max(40_000_000, 'The file is larger than 30 MB'),
      })
      .strict(),
    'Read an online form’s .csv or .xlsx export of bids and suggest which column is which',
  ),
  'bid.importPreview': query<BidImportPreview>()(
    z.object({ roundId, mapping: bidMapping, table: importTable }).strict(),
    'What a bid import would do: each row new, a duplicate or rejected, with the rules’ warnings and the organisations it would add',
  ),
  'bid.importCommit': command<BidImportPreview>()(
    z.object({ roundId, mapping: bidMapping, table: importTable }).strict(),
    'Enter the new bids of an import in one transaction, adding their new organisations; rejected rows and duplicates are left out',
  ),
} as const;
