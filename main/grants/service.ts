import type { HandlersFor } from '../api/handler-types';
import { readImportFile } from '../funding/import-file';
import { requireStream } from '../funding/views';
import { organisations } from '../people/repository';
import type { OrganisationKind } from '../people/contract';
import { isoToday, type Ctx } from '../shared/context';
import { DomainError, notFound } from '../shared/errors';
import { yearsBetween } from '../shared/financial-year';
import { sumPence } from '../shared/money';
import { bidMappingProblems, guessBidMapping, previewBidImport, type BidDraft } from './bid-import';
import type { Bid, BidImportMapping, BidImportPreview, BidResult, FundingRound, grantsContract } from './contract';
import type { ImportTable } from '../funding/contract';
import { checkBid, warningsOf, warningsText, type RoundRules } from './eligibility';
import { bids, rounds, type BidRow, type RoundRow } from './repository';

// ---------------------------------------------------------------------------------------
// Rounds
// ---------------------------------------------------------------------------------------

async function requireRoundRow(ctx: Ctx, id: number): Promise<RoundRow> {
  const r = await rounds.get(ctx, id);
  if (!r) throw notFound('funding_round', id);
  return r;
}

async function fullRound(ctx: Ctx, r: RoundRow): Promise<FundingRound> {
  const { streamCapPence, ...rest } = r;
  const asked = await rounds.asked(ctx, r.id);
  return {
    ...rest,
    years: yearsBetween(r.firstYear, r.lastYear),
    capPence: r.awardCapPence ?? streamCapPence,
    eligibleKinds: await rounds.kinds(ctx, r.id),
    themes: await rounds.themes(ctx, r.id),
    tiers: await rounds.tiers(ctx, r.id),
    criteria: await rounds.criteria(ctx, r.id),
    bidCount: asked.bidCount,
    askedPence: asked.years,
  };
}

export async function getRound(ctx: Ctx, id: number): Promise<FundingRound> {
  return fullRound(ctx, await requireRoundRow(ctx, id));
}

function rulesOf(round: FundingRound): RoundRules {
  return { name: round.name, opensOn: round.opensOn, closesOn: round.closesOn, years: round.years, capPence: round.capPence, eligibleKinds: round.eligibleKinds, themes: round.themes, tiers: round.tiers };
}

/** A round's dates and years make sense, and its years lie within its stream's. */
function checkRound(stream: { name: string; firstYear: string; lastYear: string }, r: { opensOn: string; closesOn: string; firstYear: string; lastYear: string }): void {
  if (r.closesOn < r.opensOn) throw new DomainError('round.dates', `Closes (${r.closesOn}) is before opens (${r.opensOn}).`, 'closesOn');
  if (r.lastYear < r.firstYear) throw new DomainError('round.years', `Last year (${r.lastYear}) cannot be before the first year (${r.firstYear}).`, 'lastYear');
  if (r.firstYear < stream.firstYear || r.lastYear > stream.lastYear) {
    const field = r.firstYear < stream.firstYear ? 'firstYear' : 'lastYear';
    throw new DomainError('round.outsideStream', `The round's years (${r.firstYear} to ${r.lastYear}) must lie within the ${stream.name}'s (${stream.firstYear} to ${stream.lastYear}).`, field);
  }
}

function uniqueThemes(themes: string[]): void {
  const seen = new Set<string>();
  themes.forEach((t, i) => {
    if (seen.has(t.toLowerCase())) throw new DomainError('round.duplicateTheme', `The theme "${t}" is given twice.`, `themes.${i}`);
    seen.add(t.toLowerCase());
  });
}

// ---------------------------------------------------------------------------------------
// Bids
// ---------------------------------------------------------------------------------------

function bidOf(row: BidRow, years: Bid['years']): Bid {
  const { documents, warnings, ...rest } = row;
  return { ...rest, matchFundingPence: Number(row.matchFundingPence), documents: documents === '' ? [] : documents.split('\n'), warnings: warningsOf(warnings), years, totalPence: sumPence(years.map((y) => y.amountPence)) };
}

async function requireBid(ctx: Ctx, id: number): Promise<Bid> {
  const row = await bids.get(ctx, id);
  if (!row) throw notFound('bid', id);
  return bidOf(row, await bids.years(ctx, id));
}

/** The round's rules, refusing the first rule broken (all of them listed), and the warnings to keep. */
function eligibleOrRefuse(round: FundingRound, bid: Parameters<typeof checkBid>[1]) {
  const found = checkBid(rulesOf(round), bid);
  const first = found.refusals[0];
  if (first) {
    throw new DomainError(first.code, found.refusals.map((r) => r.message).join(' '), first.field, found.refusals.map((r) => ({ path: r.field, message: r.message })));
  }
  return found.warnings;
}

/** The bidding organisation: one chosen from the list, or a new one added on the way (or found by its name, when it is there already). */
async function organisationFor(ctx: Ctx, input: { organisationId?: number | undefined; organisation?: { name: string; kind: OrganisationKind } | undefined }) {
  if (input.organisationId !== undefined) {
    const org = await organisations.get(ctx, input.organisationId);
    if (!org) throw new DomainError('bid.organisationMissing', `Organisation ${input.organisationId} does not exist; choose the bidding organisation from the list, or give a new one's name and kind.`, 'organisationId');
    return { org, created: null };
  }
  const name = input.organisation!.name.replace(/\s+/g, ' ');
  const found = await organisations.findByName(ctx, name);
  if (found) return { org: found, created: null };
  const id = await organisations.insert(ctx, { name, kind: input.organisation!.kind });
  const org = (await organisations.get(ctx, id))!;
  return { org, created: { id, name: org.name } };
}

async function insertBid(ctx: Ctx, roundId: number, organisationId: number, d: Omit<BidDraft, 'sourceRow' | 'organisationName' | 'organisationKind' | 'organisationId'>, warnings: ReturnType<typeof eligibleOrRefuse>): Promise<number> {
  const id = await bids.insert(ctx, {
    roundId,
    organisationId,
    project: d.project,
    description: d.description,
    theme: d.theme,
    tier: d.tier,
    outcomes: d.outcomes,
    matchFundingPence: d.matchFundingPence,
    documents: d.documents.join('\n'),
    receivedOn: d.receivedOn,
    warnings: warningsText(warnings),
  });
  await bids.setYears(ctx, id, d.years);
  return id;
}

// ---------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------

async function importPreview(ctx: Ctx, roundId: number, mapping: BidImportMapping, table: ImportTable) {
  const round = await getRound(ctx, roundId);
  const problems = bidMappingProblems(mapping, table.headers);
  if (problems.length > 0) {
    throw new DomainError('import.mapping', problems.map((p) => p.message).join('; '), problems[0]!.field, problems.map((p) => ({ path: p.field, message: p.message })));
  }
  mapping.amounts.forEach((a, i) => {
    if (!round.years.includes(a.financialYear)) {
      throw new DomainError('bid.outsideYears', `${a.financialYear} is outside the ${round.name}'s years (${round.years[0]} to ${round.years.at(-1)}).`, `mapping.amounts.${i}.financialYear`);
    }
  });
  const everyOrg = await organisations.list(ctx, '');
  const byName = new Map(everyOrg.map((o) => [o.name.toLowerCase(), o]));
  const keys = await bids.keys(ctx, roundId);
  return previewBidImport(table, mapping, {
    roundId,
    round: rulesOf(round),
    today: isoToday(ctx),
    findOrganisation: (name) => byName.get(name.toLowerCase()),
    hasBid: (name, project) => keys.has(`${name.toLowerCase()}\u0000${project.toLowerCase()}`),
  });
}

export const grantsHandlers: HandlersFor<typeof grantsContract> = {
  'round.list': async (ctx, { streamId }) => {
    await requireStream(ctx, streamId);
    return Promise.all((await rounds.list(ctx, streamId)).map((r) => fullRound(ctx, r)));
  },
  'round.get': (ctx, { id }) => getRound(ctx, id),
  'round.create': async (ctx, input) => {
    const stream = await requireStream(ctx, input.streamId);
    checkRound(stream, input);
    uniqueThemes(input.themes);
    const { eligibleKinds, themes, tiers, criteria, awardCap, ...fields } = input;
    const id = await rounds.insert(ctx, { ...fields, awardCapPence: awardCap });
    await rounds.setKinds(ctx, id, eligibleKinds);
    await rounds.setThemes(ctx, id, themes);
    await rounds.setTiers(ctx, id, tiers);
    await rounds.setCriteria(ctx, id, criteria);
    return getRound(ctx, id);
  },
  'round.update': async (ctx, { id, eligibleKinds, themes, tiers, criteria, awardCap, ...patch }) => {
    const before = await requireRoundRow(ctx, id);
    const stream = await requireStream(ctx, before.streamId);
    checkRound(stream, { opensOn: patch.opensOn ?? before.opensOn, closesOn: patch.closesOn ?? before.closesOn, firstYear: patch.firstYear ?? before.firstYear, lastYear: patch.lastYear ?? before.lastYear });
    if (themes) uniqueThemes(themes);
    await rounds.update(ctx, id, awardCap === undefined ? patch : { ...patch, awardCapPence: awardCap });
    if (eligibleKinds) await rounds.setKinds(ctx, id, eligibleKinds);
    if (themes) await rounds.setThemes(ctx, id, themes);
    if (tiers) await rounds.setTiers(ctx, id, tiers);
    if (criteria && !(await rounds.sameCriteria(ctx, id, criteria))) {
      // Replacing the criteria would take the panel's scores against them with it.
      const scored = await rounds.scoreCount(ctx, id);
      if (scored > 0) throw new DomainError('round.criteriaScored', `The ${before.name}'s criteria cannot be changed: the panel has already recorded ${scored} score${scored === 1 ? '' : 's'} against them.`, 'criteria');
      await rounds.setCriteria(ctx, id, criteria);
    }
    return getRound(ctx, id);
  },

  'bid.list': async (ctx, { roundId }) => {
    await requireRoundRow(ctx, roundId);
    const years = await bids.yearsOfRound(ctx, roundId);
    return (await bids.list(ctx, roundId)).map((b) => bidOf(b, years.get(b.id) ?? []));
  },
  'bid.get': (ctx, { id }) => requireBid(ctx, id),
  'bid.create': async (ctx, input): Promise<BidResult> => {
    const round = await getRound(ctx, input.roundId);
    const { org, created } = await organisationFor(ctx, input);
    const years = input.years.map((y) => ({ financialYear: y.financialYear, amountPence: y.amount }));
    const receivedOn = input.receivedOn ?? isoToday(ctx);
    const theme = round.themes.find((t) => t.toLowerCase() === input.theme.toLowerCase()) ?? input.theme;
    // Refused here, a new organisation added above is undone with the rest of the write.
    const warnings = eligibleOrRefuse(round, { organisationName: org.name, organisationKind: org.kind, theme, tier: input.tier, receivedOn, years });
    if (await bids.exists(ctx, round.id, org.id, input.project)) {
      throw new DomainError('bid.duplicate', `${org.name} has already bid for “${input.project}” in the ${round.name}.`, 'project');
    }
    const id = await insertBid(ctx, round.id, org.id, { ...input, theme, matchFundingPence: input.matchFunding, receivedOn, years }, warnings);
    return { bid: await requireBid(ctx, id), warnings, organisationCreated: created };
  },
  'bid.update': async (ctx, { id, years: yearsInput, matchFunding, documents, ...patch }): Promise<BidResult> => {
    const before = await requireBid(ctx, id);
    const round = await getRound(ctx, before.roundId);
    const org = patch.organisationId === undefined ? { name: before.organisationName, kind: before.organisationKind } : (await organisationFor(ctx, { organisationId: patch.organisationId })).org;
    const years = yearsInput ? yearsInput.map((y) => ({ financialYear: y.financialYear, amountPence: y.amount })) : before.years;
    const after = { theme: patch.theme ?? before.theme, tier: patch.tier === undefined ? before.tier : patch.tier, receivedOn: patch.receivedOn ?? before.receivedOn };
    const warnings = eligibleOrRefuse(round, { organisationName: org.name, organisationKind: org.kind, ...after, years });
    const project = patch.project ?? before.project;
    if (await bids.exists(ctx, round.id, patch.organisationId ?? before.organisationId, project, id)) {
      throw new DomainError('bid.duplicate', `${org.name} has already bid for “${project}” in the ${round.name}.`, 'project');
    }
    const { receivedOn: _r, ...rest } = patch;
    await bids.update(ctx, id, {
      ...rest,
      ...(patch.receivedOn ? { receivedOn: patch.receivedOn } : {}),
      ...(matchFunding === undefined ? {} : { matchFundingPence: matchFunding }),
      ...(documents === undefined ? {} : { documents: documents.join('\n') }),
      warnings: warningsText(warnings),
    });
    if (yearsInput) await bids.setYears(ctx, id, years);
    return { bid: await requireBid(ctx, id), warnings, organisationCreated: null };
  },
  'bid.delete': async (ctx, { id }) => {
    await requireBid(ctx, id);
    await bids.remove(ctx, id);
    return { id };
  },

  'bid.importRead': async (ctx, { roundId, fileName, contentBase64 }) => {
    const round = await getRound(ctx, roundId);
    const table = await readImportFile(fileName, Buffer.from(contentBase64, 'base64'));
    return { table, mapping: guessBidMapping(table.headers, round.years) };
  },
  'bid.importPreview': async (ctx, { roundId, mapping, table }) => (await importPreview(ctx, roundId, mapping, table)).preview,
  'bid.importCommit': async (ctx, { roundId, mapping, table }): Promise<BidImportPreview> => {
    const round = await getRound(ctx, roundId);
    const { preview, drafts } = await importPreview(ctx, roundId, mapping, table);
    // A new organisation named on several rows is added once.
    const added = new Map<string, number>();
    for (const d of drafts) {
      let orgId = d.organisationId ?? added.get(d.organisationName.toLowerCase());
      if (orgId === undefined) {
        orgId = await organisations.insert(ctx, { name: d.organisationName, kind: d.organisationKind });
        added.set(d.organisationName.toLowerCase(), orgId);
      }
      const row = preview.rows.find((r) => r.sourceRow === d.sourceRow)!;
      row.bidId = await insertBid(ctx, round.id, orgId, d, row.warnings);
    }
    return preview;
  },
};
