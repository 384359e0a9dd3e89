import type { FundingWarning, Tier } from '../funding/contract';
import { ORGANISATION_KIND_LABELS, type OrganisationKind } from '../people/contract';
import { formatDateLong } from '../shared/dates';
import { formatPence } from '../shared/money';
import type { BidYear } from './contract';

/**
 * A bid against its round's rules. Pure: the round and the bid arrive as values.
 *
 * Two kinds of finding, as the rules differ in what the panel may do about them:
 * - a refusal: the bid is outside what the round offers at all (a year it does not fund, a
 *   kind of organisation it does not invite, a theme or tier it does not fund), so it cannot
 *   be considered; it is not entered, and the message names the rule and the field.
 * - a warning: the bid can be entered and the panel decides (seed 000's Kent Police award of
 *   £36,814 is above the £35k cap as printed: a panel can recommend less than was asked; a
 *   bid received after the closing date may be accepted late). Kept on the bid, so the panel
 *   sees it beside the bid.
 */

export interface RoundRules {
  name: string;
  opensOn: string;
  closesOn: string;
  years: string[];
  capPence: number | null;
  eligibleKinds: OrganisationKind[];
  themes: string[];
  tiers: Tier[];
}

export interface BidForRules {
  organisationName: string;
  organisationKind: OrganisationKind;
  theme: string;
  tier: Tier | null;
  receivedOn: string;
  years: BidYear[];
}

export interface Refusal {
  code: string;
  message: string;
  field: string;
}

export interface Eligibility {
  refusals: Refusal[];
  warnings: FundingWarning[];
}

const listed = (items: string[], word = 'or') => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${word} ${items.at(-1)}`);

export function checkBid(round: RoundRules, bid: BidForRules): Eligibility {
  const refusals: Refusal[] = [];
  const warnings: FundingWarning[] = [];
  const seen = new Set<string>();
  bid.years.forEach((y, i) => {
    const field = `years.${i}.financialYear`;
    if (!round.years.includes(y.financialYear)) {
      refusals.push({ code: 'bid.outsideYears', field, message: `${y.financialYear} is outside the ${round.name}'s years (${round.years[0]} to ${round.years.at(-1)}): a bid can ask only for those.` });
    } else if (seen.has(y.financialYear)) {
      refusals.push({ code: 'bid.duplicateYear', field, message: `${y.financialYear} is given twice.` });
    }
    seen.add(y.financialYear);
  });
  if (round.eligibleKinds.length > 0 && !round.eligibleKinds.includes(bid.organisationKind)) {
    refusals.push({
      code: 'bid.ineligibleKind',
      field: 'organisationId',
      message: `${bid.organisationName} is listed as ${ORGANISATION_KIND_LABELS[bid.organisationKind].toLowerCase()}, and the ${round.name} invites bids only from: ${listed(round.eligibleKinds.map((k) => ORGANISATION_KIND_LABELS[k].toLowerCase()))}.`,
    });
  }
  if (round.themes.length > 0 && !round.themes.some((t) => t.toLowerCase() === bid.theme.trim().toLowerCase())) {
    refusals.push({
      code: 'bid.theme',
      field: 'theme',
      message: bid.theme.trim() === '' ? `Theme: choose one of the ${round.name}'s themes (${listed(round.themes)}).` : `The theme "${bid.theme}" is not one of the ${round.name}'s (${listed(round.themes)}).`,
    });
  }
  if (round.tiers.length > 0 && bid.tier !== null && !round.tiers.includes(bid.tier)) {
    refusals.push({ code: 'bid.tier', field: 'tier', message: `The ${round.name} funds ${listed(round.tiers)} interventions, not ${bid.tier}.` });
  }
  const cap = round.capPence;
  const over = cap === null ? [] : bid.years.map((y, i) => ({ ...y, i })).filter((y) => y.amountPence > cap);
  if (cap !== null && over.length > 0) {
    // One warning for the bid, naming each year over: the panel decides on the bid as a whole.
    const asked = over.every((y) => y.amountPence === over[0]!.amountPence)
      ? `${formatPence(over[0]!.amountPence)} in ${listed(over.map((y) => y.financialYear), 'and')}`
      : over.map((y) => `${formatPence(y.amountPence)} in ${y.financialYear}`).join(', ');
    warnings.push({
      code: 'bid.overCap',
      field: `years.${over[0]!.i}.amount`,
      message: `The bid from ${bid.organisationName} asks for ${asked}, above the ${round.name}'s ${formatPence(cap)} cap per award per year: the panel may recommend at most ${formatPence(cap)} a year.`,
    });
  }
  if (bid.receivedOn > round.closesOn) {
    warnings.push({
      code: 'bid.late',
      field: 'receivedOn',
      message: `The bid from ${bid.organisationName} was received on ${formatDateLong(bid.receivedOn)}, after the ${round.name} closed on ${formatDateLong(round.closesOn)}: the panel decides whether to accept it late.`,
    });
  } else if (bid.receivedOn < round.opensOn) {
    warnings.push({
      code: 'bid.early',
      field: 'receivedOn',
      message: `The bid from ${bid.organisationName} is dated ${formatDateLong(bid.receivedOn)}, before the ${round.name} opened on ${formatDateLong(round.opensOn)}: check the date.`,
    });
  }
  return { refusals, warnings };
}

/** The warnings as kept on the bid (one a line, code then message), and back. */
export function warningsText(warnings: FundingWarning[]): string {
  return warnings.map((w) => `${w.code}\t${w.field ?? ''}\t${w.message}`).join('\n');
}

export function warningsOf(text: string): FundingWarning[] {
  if (text === '') return [];
  return text.split('\n').map((line) => {
    const [code = '', field = '', ...rest] = line.split('\t');
    return field ? { code, field, message: rest.join('\t') } : { code, message: rest.join('\t') };
  });
}
