import { writeDocx } from '../documents/docx';
import { paperDocument, resolveBlocks, type DocBlock, type PaperForDocument } from '../papers/paper-docx';
import { sections as paperSections } from '../papers/repository';
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

function fromLog(d: Decision, key: string): DocBlock[] | null {
  switch (key) {
    case 'executive-summary':
      return [para(d.title)];
    case 'decision-and-reasons':
      return d.text ? d.text.split(/\n{2,}/).map((t) => para(t.replace(/\n/g, ' '))) : null;
    case 'financial-implications':
      return d.financialAmountPence === null
        ? [para('The decision has no financial implication recorded in the decisions log.')]
        : [para(`${formatPence(d.financialAmountPence)}${d.fundingStreamName ? `, from the ${d.fundingStreamName}` : ''}.`)];
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
  const paper = d.paperId !== null ? refs.paper(ctx, d.paperId) : undefined;
  const fromPaper = paper?.templateKey === 'decision-notice' ? new Map(paperSections.of(ctx, paper.id).map((s) => [s.key, s])) : new Map();
  const warnings: DecisionWarning[] = [];
  const sections = template.sections.map((t) => {
    const own = fromPaper.get(t.key);
    if (own && own.body.length > 0) return { heading: own.heading, body: resolveBlocks(ctx, own.body), required: t.required };
    const body = fromLog(d, t.key);
    if (body) return { heading: t.heading, body, required: t.required };
    if (t.required) warnings.push({ code: 'decision.noticeGap', message: `The notice's "${t.heading}" is not in the decisions log; it is marked "${GAP}"`, field: t.key });
    return { heading: t.heading, body: [{ type: 'notice', text: GAP } as DocBlock], required: t.required };
  });
  // An agreed (or rejected, deferred, superseded) decision without its date would otherwise say "Not yet decided".
  if (d.decidedOn === null && d.status !== 'proposed') {
    warnings.push({ code: 'decision.noticeNoDate', message: `${d.reference} is ${d.status} but the decisions log has no date for it; the notice's date is marked "${GAP}"`, field: 'decidedOn' });
  }
  if (warnings.length > 0 && !acknowledgeWarnings) {
    throw warningsNotAcknowledged(
      `${warnings.map((w) => w.message).join('. ')}. Nothing was written: acknowledge the warnings to write the notice with those parts marked "${GAP}".`,
      warnings,
    );
  }

  const originator = d.ownerName ?? 'Office of the Police and Crime Commissioner';
  const doc: PaperForDocument = {
    reference: d.reference,
    title: `Record of Decision: ${d.title}`,
    marking: d.confidential ? 'OFFICIAL-SENSITIVE' : 'OFFICIAL',
    authorName: d.ownerName,
    numbering: template.numbering,
    titleLines: [
      { label: 'Decision number', value: d.reference },
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
