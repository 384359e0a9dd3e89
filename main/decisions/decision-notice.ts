import { writeDocx } from '../documents/docx';
import { paperDocument, resolveBlocks, type DocBlock, type PaperForDocument } from '../papers/paper-docx';
import { papers, sections as paperSections } from '../papers/repository';
import { parseHeader } from '../papers/paper-view';
import { findTemplate } from '../papers/templates';
import type { Ctx } from '../shared/context';
import { formatDateLong } from '../shared/dates';
import { DomainError } from '../shared/errors';
import { formatPence } from '../shared/money';
import { exported, warningsNotAcknowledged, type ExportResult } from '../documents/export-result';
import type { Decision, DecisionWarning } from './contract';
import { refs } from './repository';

/**
 * The Record of Decision (PCC decision notice) for a decision the Commissioner took alone,
 * in the shape of templates/papers/decision-notice.json: the decision number, originator,
 * whether it is open or confidential (and why), the date, then executive summary, options
 * considered, recommendation, the decision and reasons, advice taken, financial
 * implications and publication, and sign-off blocks for the Chief Finance Officer, the
 * Chief Executive and the Commissioner.
 *
 * Where the decision's paper was written in the decision-notice template, its sections are
 * used; otherwise the notice is made from the log's own fields, and any section the log
 * cannot fill is named in a warning (the notice is written once the warning is acknowledged,
 * with the gap marked for completion by hand).
 */
const GAP = 'To be completed.';

function para(text: string): DocBlock {
  return { type: 'paragraph', text };
}

function moneyLine(d: Decision): string {
  return `${formatPence(d.financialAmountPence ?? 0)}${d.fundingStreamName ? `, from the ${d.fundingStreamName}` : ''}.`;
}

/** Every string in a section's blocks, to see whether the author already named something. */
function textOf(blocks: readonly DocBlock[]): string {
  return JSON.stringify(blocks);
}

/**
 * A section the paper wrote, with what the log knows and the paper does not say: the amount
 * and funding stream under Financial implications, the linked indicators under Performance
 * measures. The paper's words come first and are never changed.
 */
function withLogFacts(d: Decision, key: string, body: DocBlock[]): DocBlock[] {
  const text = textOf(body);
  if (key === 'financial-implications' && d.financialAmountPence !== null && !text.includes(formatPence(d.financialAmountPence).replace(/\.00$/, ''))) {
    return [...body, para(`Recorded in the decisions log: ${moneyLine(d)}`)];
  }
  if (key === 'performance-measures') {
    const missing = d.indicators.filter((i) => !text.includes(i.code));
    if (missing.length > 0) return [...body, para('Linked in the decisions log:'), { type: 'bullets', items: missing.map((i) => `${i.code} ${i.name}`) }];
  }
  return body;
}

function fromLog(d: Decision, key: string): DocBlock[] | null {
  switch (key) {
    case 'executive-summary':
      return [para(d.title)];
    case 'decision-and-reasons':
      return d.text ? d.text.split(/\n{2,}/).map((t) => para(t.replace(/\n/g, ' '))) : null;
    case 'financial-implications':
      return d.financialAmountPence === null
        ? [para('The decision has no financial implication recorded in the decisions log.')]
        : [para(moneyLine(d))];
    case 'performance-measures':
      // Optional: left out (an empty body) when the log links no indicator.
      return d.indicators.length > 0 ? [{ type: 'bullets', items: d.indicators.map((i) => `${i.code} ${i.name}`) }] : [];
    case 'publication':
      if (d.confidential) return [para(`Confidential: ${d.confidentialReason}. The decision will not be published.`)];
      return [para(d.publishedOn ? `Open. Published on ${formatDateLong(d.publishedOn)}.` : 'Open. To be published on the Commissioner’s website.')];
    default:
      return null;
  }
}

export async function exportDecisionNotice(ctx: Ctx, d: Decision, out: string, acknowledgeWarnings: boolean): Promise<ExportResult> {
  if (d.decidedBy !== 'commissioner') {
    throw new DomainError('decision.notCommissioner', `${d.reference} was taken by ${d.boardName ?? 'a board'}; a decision notice records a decision the Commissioner took alone.`, 'id');
  }
  const template = findTemplate('decision-notice');
  const paper = d.paperId !== null ? await refs.paper(ctx, d.paperId) : undefined;
  const fromPaper = paper?.templateKey === 'decision-notice' ? new Map((await paperSections.of(ctx, paper.id)).map((s) => [s.key, s])) : new Map();
  const warnings: DecisionWarning[] = [];
  const resolved = await Promise.all(template.sections.map(async (t) => {
    const own = fromPaper.get(t.key);
    if (own && own.body.length > 0) return { heading: own.heading, body: withLogFacts(d, t.key, await resolveBlocks(ctx, own.body)), required: t.required };
    const body = fromLog(d, t.key);
    if (body) return { heading: t.heading, body, required: t.required };
    return null;
  }));
  // The gaps are named in the template's order once every section is resolved, not as each resolves.
  const sections = template.sections.map((t, i) => {
    const section = resolved[i];
    if (section) return section;
    if (t.required) warnings.push({ code: 'decision.noticeGap', message: `The notice's "${t.heading}" is not in the decisions log; it is marked "${GAP}"`, field: t.key });
    return { heading: t.heading, body: [{ type: 'notice', text: GAP } as DocBlock], required: t.required };
  });
  // An agreed (or rejected, deferred, superseded) decision without its date would otherwise say "Not yet decided".
  if (d.decidedOn === null && d.status !== 'proposed') {
    warnings.push({ code: 'decision.noticeNoDate', message: `${d.reference} is ${d.status} but the decisions log has no date for it; the notice's date is marked "${GAP}"`, field: 'decidedOn' });
  }
  if (warnings.length > 0 && !acknowledgeWarnings) {
    throw warningsNotAcknowledged(
      `The notice of ${d.reference} has ${warnings.length === 1 ? 'a part' : `${warnings.length} parts`} the decisions log cannot fill. Nothing was written: acknowledge the warnings to write the notice with ${warnings.length === 1 ? 'that part' : 'those parts'} marked "${GAP}"`,
      warnings,
    );
  }

  // The paper's header, where the notice was written as a paper, speaks for the notice: its
  // decision number (the OPCC's own series, e.g. OPCC.D.036.25) and originator. The log's
  // reference is still printed when it differs, so the notice can be found in the log.
  const typed = paper?.templateKey === 'decision-notice' ? parseHeader((await papers.get(ctx, paper.id))?.headerJson ?? '{}') : {};
  const number = typed.reference?.trim() || d.reference;
  const originator = typed.originator?.trim() || d.ownerName || 'Office of the Police and Crime Commissioner';
  const doc: PaperForDocument = {
    reference: number,
    title: `Record of Decision: ${d.title}`,
    marking: d.confidential ? 'OFFICIAL-SENSITIVE' : 'OFFICIAL',
    authorName: d.ownerName,
    numbering: template.numbering,
    titleLines: [
      { label: 'Decision number', value: number },
      ...(number === d.reference ? [] : [{ label: 'Decisions log reference', value: d.reference }]),
      { label: 'Originator', value: originator },
      { label: 'Open or confidential', value: d.confidential ? `Confidential: ${d.confidentialReason}` : 'Open' },
      { label: 'Date', value: d.decidedOn ? formatDateLong(d.decidedOn) : d.status === 'proposed' ? 'Not yet decided' : GAP },
    ],
    sections,
    signatures: template.signatures,
  };
  const written = await writeDocx(out, paperDocument(doc));
  return exported(written, { warnings });
}
