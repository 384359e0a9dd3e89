import type { z } from 'zod';
import { optionalText } from '../api/fields';
import { DomainError } from '../shared/errors';

/** Why an item is taken in private (agenda_item.confidential_reason): free text, as a decision's reason is. */
export const confidentialReasonField = optionalText('Reason for confidentiality', 1000);

/**
 * The reasons the agenda builder offers for a Part B item: the paragraphs of Schedule 12A to
 * the Local Government Act 1972 a board following council practice cites (paraphrased), and
 * the board's own. Any other reason may be typed.
 */
export const PART_B_REASONS = [
  'Paragraph 1: information relating to any individual',
  'Paragraph 2: information likely to reveal the identity of an individual',
  'Paragraph 3: information relating to the financial or business affairs of any particular person (including the Board)',
  'Paragraph 4: information relating to consultations or negotiations on labour relations',
  'Paragraph 5: information in respect of which a claim to legal professional privilege could be maintained',
  'Paragraph 6: information revealing a proposal to give a notice or make an order or direction under any enactment',
  'Paragraph 7: information relating to the prevention, investigation or prosecution of crime',
] as const;

/** A Part B item says why: refused naming the field when it does not. */
export function assertPartBReason(confidential: boolean, reason: string): void {
  if (confidential && reason.trim() === '') {
    throw new DomainError(
      'agenda.noConfidentialReason',
      'Give the reason this item is taken in private (e.g. a paragraph of Schedule 12A): it is printed on every page of its papers.',
      'confidentialReason',
    );
  }
}

/** A declaration names an entry of the register, or says what the new interest is and its type. */
export function declarationNeedsAnInterest(v: { interestId?: unknown; interest?: unknown; interestType?: unknown }, ctx: z.RefinementCtx): void {
  // Runs on malformed input too (its fields' own refusals come first): look only at what is well formed.
  if (v.interestId !== null && v.interestId !== undefined) return;
  if (typeof v.interest === 'string' && v.interest.trim() === '') {
    // Neither an entry of the register nor a new interest: the choice of interest is what is missing.
    ctx.addIssue({ code: 'custom', path: ['interestId'], message: 'Interest is required: choose one from their register, or describe the interest declared' });
  }
  if (v.interestType === null || v.interestType === undefined) {
    ctx.addIssue({ code: 'custom', path: ['interestType'], message: 'Interest type is required for an interest not in their register: pecuniary, other_registrable or non_registrable' });
  }
}
