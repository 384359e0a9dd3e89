import { formatDateLong } from '../shared/dates';
import type { Ctx } from '../shared/context';
import { DomainError, notFound } from '../shared/errors';
import type { PaperBlock } from './blocks';
import { PAPER_PURPOSE_LABELS, type HeaderField, type PaperDetail, type PaperStatus } from './contract';
import { allowedStatuses, PAPER_STATUS_LABELS } from './paper-status';
import { resolveBlocks, type PaperForDocument } from './paper-docx';
import { paragraphNumbers } from './paragraph-numbering';
import { lookups, papers, sections, versions, type PaperRow } from './repository';
import { missingHeaderFields, missingRequiredSections, type PaperWarning } from './required-sections';
import { loadTemplates, type PaperTemplate } from './templates';

/**
 * How a paper is read: its row, its template (from disk), its sections, the header values
 * it shows (typed, or derived from its details), its warnings and versions.
 */

export function templateFor(key: string): { template: PaperTemplate; problem: string | null } {
  const { templates, problems } = loadTemplates();
  const t = templates.find((x) => x.key === key);
  if (t) return { template: t, problem: null };
  // The paper still opens: its own sections stand in for the template's.
  const why = problems.find((p) => p.file.replace(/\.json$/, '') === key)?.message ?? `There is no paper template called "${key}" in the templates folder.`;
  return {
    template: { key, name: key, description: '', numbering: 'none', header: [], sections: [], signatures: [] },
    problem: why,
  };
}

export async function requirePaper(ctx: Ctx, id: number): Promise<PaperRow> {
  const row = await papers.get(ctx, id);
  if (!row) throw notFound('paper', id);
  return row;
}

export async function paperByReference(ctx: Ctx, reference: string): Promise<PaperRow> {
  const row = await papers.findByReference(ctx, reference);
  if (!row) throw new DomainError('paper.notFound', `No paper has the reference ${reference}.`, 'paper');
  return row;
}

/** The header values typed into a paper (its template's header fields), by key. */
export function parseHeader(json: string): Record<string, string> {
  try {
    const v = JSON.parse(json) as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => typeof x === 'string')) as Record<string, string>;
  } catch {
    return {};
  }
}

/** A header value the paper's details already give, so nobody types it twice. */
async function derivedHeader(ctx: Ctx, row: PaperRow, key: string): Promise<string> {
  const meeting = row.meetingId !== null ? await lookups.meeting(ctx, row.meetingId) : undefined;
  switch (key) {
    case 'meetingName':
    case 'to':
      return row.boardName ?? '';
    case 'date':
      return meeting ? meeting.startsAt.slice(0, 10) : '';
    case 'purpose':
      return PAPER_PURPOSE_LABELS[row.purpose];
    case 'subject':
      return row.title;
    case 'from': {
      if (row.authorPersonId === null) return '';
      const p = await lookups.person(ctx, row.authorPersonId);
      return p ? [p.name, p.jobTitle].filter(Boolean).join(', ') : '';
    }
    case 'reference':
      return row.reference;
    default:
      return '';
  }
}

export async function headerFields(ctx: Ctx, row: PaperRow, template: PaperTemplate): Promise<HeaderField[]> {
  const typed = parseHeader(row.headerJson);
  return (await Promise.all(template.header.map(async (h) => {
    const own = (typed[h.key] ?? '').trim();
    return { key: h.key, label: h.label, required: h.required, type: h.type, guidance: h.guidance, value: own || await derivedHeader(ctx, row, h.key), derived: !own };
  })));
}

export async function sectionsWithTemplate(ctx: Ctx, row: PaperRow, template: PaperTemplate) {
  const byKey = new Map(template.sections.map((s) => [s.key, s]));
  return (await sections.of(ctx, row.id)).map((s) => ({
    id: s.id,
    version: s.version,
    key: s.key,
    heading: s.heading,
    position: s.position,
    body: s.body,
    required: byKey.get(s.key)?.required ?? false,
    guidance: byKey.get(s.key)?.guidance ?? '',
  }));
}

/** What the author is warned of before the paper goes out (see ./required-sections.ts). */
export async function paperWarnings(ctx: Ctx, row: PaperRow): Promise<PaperWarning[]> {
  const { template, problem } = templateFor(row.templateKey);
  const fields = await headerFields(ctx, row, template);
  const warnings = [...missingRequiredSections(template, await sections.of(ctx, row.id)), ...missingHeaderFields(template, Object.fromEntries(fields.map((h) => [h.key, h.value])))];
  if (problem) warnings.push({ code: 'paper.templateProblem', message: problem, field: 'templateKey' });
  return warnings;
}

export function versionLabel(v: { status: string; snapshotJson: string }): string {
  try {
    const snap = JSON.parse(v.snapshotJson) as { kind?: string; issue?: { number: number; public: boolean; part: string } };
    if (snap.kind === 'packIssue' && snap.issue) {
      const what = snap.issue.part === 'withdrawn' ? 'Withdrawn from' : snap.issue.part === 'supplement' ? 'Issued in a supplement to' : 'Issued in';
      return `${what} the ${snap.issue.public ? 'public ' : ''}agenda pack (issue ${snap.issue.number})`;
    }
  } catch {
    // An unreadable snapshot is still listed, by its status.
  }
  return PAPER_STATUS_LABELS[v.status as PaperStatus] ?? v.status;
}

export async function versionList(ctx: Ctx, paperId: number) {
  return (await versions
    .of(ctx, paperId))
    .map((v, i) => ({ id: v.id, number: i + 1, status: v.status as PaperStatus, label: versionLabel(v), createdAt: v.createdAt }));
}

export async function paperDetail(ctx: Ctx, id: number): Promise<PaperDetail> {
  const row = await requirePaper(ctx, id);
  const { template } = templateFor(row.templateKey);
  const secs = await sectionsWithTemplate(ctx, row, template);
  const fields = await headerFields(ctx, row, template);
  const warnings = await paperWarnings(ctx, row);
  const { headerJson, ...summary } = row;
  return {
    ...summary,
    templateName: template.name,
    numbering: template.numbering,
    header: parseHeader(headerJson),
    headerFields: fields,
    sections: secs,
    paragraphNumbers: paragraphNumbers(template.numbering, secs),
    versions: await versionList(ctx, id),
    warnings,
    allowedStatuses: [...allowedStatuses(row.status)],
  };
}

/** Everything a paper's version keeps: enough to compare and to print it as it was. */
export interface PaperSnapshot {
  kind: 'status' | 'packIssue';
  reference: string;
  title: string;
  status: PaperStatus;
  templateKey: string;
  protectiveMarking: string;
  purpose: string;
  header: Record<string, string>;
  sections: { key: string; heading: string; body: PaperBlock[] }[];
}

export async function snapshotOf(ctx: Ctx, row: PaperRow): Promise<PaperSnapshot> {
  return {
    kind: 'status',
    reference: row.reference,
    title: row.title,
    status: row.status,
    templateKey: row.templateKey,
    protectiveMarking: row.protectiveMarking,
    purpose: row.purpose,
    header: parseHeader(row.headerJson),
    sections: (await sections.of(ctx, row.id)).map((s) => ({ key: s.key, heading: s.heading, body: s.body })),
  };
}

/** The paper as the Word export prints it, with live tables filled in from today's data. */
export async function paperForDocument(ctx: Ctx, row: PaperRow): Promise<PaperForDocument> {
  const { template } = templateFor(row.templateKey);
  const fields = await headerFields(ctx, row, template);
  const lines = fields.filter((f) => f.value.trim() !== '').map((f) => ({ label: f.label, value: f.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(f.value) ? formatDateLong(f.value) : f.value }));
  const shown = new Set(lines.map((l) => l.label.toLowerCase()));
  const details: { label: string; value: string | null }[] = [
    { label: 'Reference', value: row.reference },
    { label: 'Author', value: row.authorName },
    { label: 'Presenting officer', value: row.presenterName },
    { label: 'Purpose', value: PAPER_PURPOSE_LABELS[row.purpose] },
  ];
  if (row.status !== 'final') details.push({ label: 'Status', value: PAPER_STATUS_LABELS[row.status] });
  for (const d of details) if (d.value && !shown.has(d.label.toLowerCase()) && !(d.label === 'Author' && shown.has('from'))) lines.push({ label: d.label, value: d.value });
  return {
    reference: row.reference,
    title: row.title,
    marking: row.protectiveMarking,
    authorName: row.authorName,
    numbering: template.numbering,
    titleLines: lines,
    sections: (await Promise.all((await sections.of(ctx, row.id)).map(async (s) => ({
      heading: s.heading,
      body: await resolveBlocks(ctx, s.body),
      required: template.sections.find((t) => t.key === s.key)?.required ?? false,
    })))),
    signatures: template.signatures,
  };
}
