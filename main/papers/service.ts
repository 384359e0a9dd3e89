import { touchRow } from '../db/audit';
import { lockRecord, lockSeries } from '../db/allocation-lock';
import { checkVersion } from '../db/versions';
import type { HandlersFor } from '../api/handler-types';
import { writeDocx } from '../documents/docx';
import { exported, warningsNotAcknowledged, type ExportResult } from '../documents/export-result';
import type { Ctx } from '../shared/context';
import { isoNow } from '../shared/context';
import { DomainError } from '../shared/errors';
import { exportMarking } from '../workspace/settings';
import { cleanString, type PaperBlock } from './blocks';
import { exportAgendaPack, issueAgendaPack, listPackIssues, planAgendaPack } from './agenda-pack';
import type { papersContract, PaperDetail, SectionSaved } from './contract';
import { resolveLiveTable } from './live-tables';
import { paperDocument } from './paper-docx';
import { canMove, PAPER_STATUS_LABELS } from './paper-status';
import { paperDetail, paperForDocument, paperWarnings, requirePaper, snapshotOf, versionLabel, type PaperSnapshot } from './paper-view';
import { lookups, papers, sections, versions, type PaperRow } from './repository';
import { nameList } from './required-sections';
import { findTemplate, loadTemplates } from './templates';
import { compareSections } from './version-diff';

type Links = { boardId: number | null; meetingId: number | null; agendaItemId: number | null; authorPersonId: number | null; presenterPersonId: number | null };

/**
 * The links of a paper checked and completed: an agenda item fixes the meeting, a meeting
 * fixes the board, and each must agree with the others.
 */
async function checkLinks(ctx: Ctx, links: Links): Promise<Links> {
  const { boardId, meetingId, agendaItemId, authorPersonId, presenterPersonId } = links;
  const out: Links = { boardId, meetingId, agendaItemId, authorPersonId, presenterPersonId };
  if (out.agendaItemId !== null) {
    const item = await lookups.agendaItem(ctx, out.agendaItemId);
    if (!item) throw new DomainError('paper.agendaItemMissing', `Agenda item ${out.agendaItemId} does not exist; choose one from the meeting's agenda.`, 'agendaItemId');
    if (out.meetingId !== null && out.meetingId !== item.meetingId) {
      throw new DomainError('paper.agendaItemElsewhere', `The agenda item "${item.title}" belongs to another meeting.`, 'agendaItemId');
    }
    out.meetingId = item.meetingId;
  }
  if (out.meetingId !== null) {
    const meeting = await lookups.meeting(ctx, out.meetingId);
    if (!meeting) throw new DomainError('paper.meetingMissing', `Meeting ${out.meetingId} does not exist; choose one from the list.`, 'meetingId');
    if (out.boardId !== null && out.boardId !== meeting.boardId) {
      throw new DomainError('paper.meetingElsewhere', `That meeting is a meeting of ${meeting.boardName}, not of the board chosen for the paper.`, 'meetingId');
    }
    out.boardId = meeting.boardId;
  }
  if (out.boardId !== null && !await lookups.board(ctx, out.boardId)) throw new DomainError('paper.boardMissing', `Board ${out.boardId} does not exist; choose one from the list.`, 'boardId');
  for (const [field, label] of [['authorPersonId', 'author'], ['presenterPersonId', 'presenting officer']] as const) {
    const personId = out[field];
    if (personId !== null && !await lookups.person(ctx, personId)) throw new DomainError('paper.personMissing', `Person ${personId} (the ${label}) does not exist; choose someone from the list.`, field);
  }
  return out;
}

async function assertUniqueReference(ctx: Ctx, reference: string, exceptId?: number): Promise<void> {
  const clash = await papers.findByReference(ctx, reference);
  if (clash && clash.id !== exceptId) {
    throw new DomainError('paper.duplicateReference', `Another paper already has the reference ${clash.reference} ("${clash.title}"). Choose another reference.`, 'reference');
  }
}

function assertEditable(row: PaperRow, what: string): void {
  if (row.status === 'final') {
    throw new DomainError('paper.final', `${row.reference} is final, so its ${what} cannot be changed. Move it back to draft first (the final version is kept).`, 'status');
  }
}

function cleanHeader(header: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(header).map(([k, v]) => [k, cleanString(v).trim()]).filter(([, v]) => v !== ''));
}

async function nextReference(ctx: Ctx, boardId: number, year: number): Promise<string> {
  const board = await lookups.board(ctx, boardId);
  if (!board) throw new DomainError('paper.boardMissing', `Board ${boardId} does not exist.`, 'boardId');
  const prefix = `${board.code}/${year}/`;
  await lockSeries(ctx, `paper reference ${prefix}`);
  const used = (await papers
    .referencesLike(ctx, prefix))
    .map((r) => Number(r.slice(prefix.length)))
    .filter((n) => Number.isInteger(n));
  const next = (used.length ? Math.max(...used) : 0) + 1;
  return `${prefix}${String(next).padStart(2, '0')}`;
}

function snapshotFromVersion(json: string): PaperSnapshot {
  return JSON.parse(json) as PaperSnapshot;
}

/**
 * A paper missing a required section is refused until its warnings are acknowledged: an
 * error (nothing written), whose problems are the warnings, so the form can list them.
 */
export async function exportPaper(ctx: Ctx, row: PaperRow, out: string, acknowledgeWarnings: boolean): Promise<ExportResult> {
  const warnings = await paperWarnings(ctx, row);
  const blocking = warnings.filter((w) => w.code === 'paper.missingSection');
  if (blocking.length > 0 && !acknowledgeWarnings) {
    const names = blocking.map((w) => /"([^"]+)"/.exec(w.message)?.[1] ?? w.field);
    throw warningsNotAcknowledged(
      `${row.reference} has no ${nameList(names)}, which the template requires. Nothing was written: export it anyway only if that is intended (acknowledge the warnings).`,
      warnings,
    );
  }
  const doc = paperDocument(await paperForDocument(ctx, row));
  const written = await writeDocx(out, doc);
  return exported(written, { warnings });
}

export const papersHandlers: HandlersFor<typeof papersContract> = {
  'paper.templates': () => {
    const { templates, problems } = loadTemplates();
    return {
      templates: templates.map((t) => ({ key: t.key, name: t.name, description: t.description, numbering: t.numbering, header: t.header, sections: t.sections })),
      problems,
    };
  },
  'paper.list': async (ctx, { cursor, limit, ...filter }) => {
    const page = await papers.page(ctx, filter, { cursor, limit });
    return { ...page, rows: page.rows.map(({ headerJson: _h, ...summary }) => summary) };
  },
  'paper.get': (ctx, { id }) => paperDetail(ctx, id),
  'paper.nextReference': async (ctx, { boardId, year }) => ({ reference: await nextReference(ctx, boardId, year) }),

  'paper.create': async (ctx, input): Promise<PaperDetail> => {
    const template = findTemplate(input.templateKey);
    await assertUniqueReference(ctx, input.reference);
    const links = await checkLinks(ctx, input);
    const id = await papers.insert(ctx, {
      reference: input.reference,
      title: input.title,
      templateKey: template.key,
      ...links,
      protectiveMarking: input.protectiveMarking ?? await exportMarking(ctx),
      purpose: input.purpose,
      status: 'draft',
      headerJson: JSON.stringify(cleanHeader(input.header)),
    });
    for (const [i, s] of (template.sections).entries()) {
        await sections.insert(ctx, id, i + 1, s.key, s.heading, []);
      }
    return paperDetail(ctx, id);
  },

  'paper.update': async (ctx, { id, ...patch }) => {
    const row = await requirePaper(ctx, id);
    const changes = (k: 'reference' | 'title' | 'protectiveMarking' | 'purpose') => patch[k] !== undefined && patch[k] !== row[k];
    if (changes('reference') || changes('title') || changes('protectiveMarking') || changes('purpose') || patch.header !== undefined) assertEditable(row, 'details');
    if (patch.reference !== undefined) await assertUniqueReference(ctx, patch.reference, id);
    const links = await checkLinks(ctx, {
      boardId: patch.boardId !== undefined ? patch.boardId : row.boardId,
      meetingId: patch.meetingId !== undefined ? patch.meetingId : patch.agendaItemId !== undefined && patch.agendaItemId !== null ? null : row.meetingId,
      agendaItemId: patch.agendaItemId !== undefined ? patch.agendaItemId : row.agendaItemId,
      authorPersonId: patch.authorPersonId !== undefined ? patch.authorPersonId : row.authorPersonId,
      presenterPersonId: patch.presenterPersonId !== undefined ? patch.presenterPersonId : row.presenterPersonId,
    });
    const { header, ...rest } = patch;
    await papers.update(ctx, id, { ...rest, ...links, ...(header !== undefined ? { headerJson: JSON.stringify(cleanHeader(header)) } : {}) });
    return paperDetail(ctx, id);
  },

  'paper.updateSection': async (ctx, { paperId, key, body, heading, version }): Promise<SectionSaved> => {
    await lockRecord(ctx, 'paper', paperId);
    const row = await requirePaper(ctx, paperId);
    const stored = await sections.raw(ctx, paperId, key);
    if (!stored) throw new DomainError('paper.noSection', `${row.reference} has no section "${key}".`, 'key');
    // Each section has its own version, so two authors writing different sections never collide.
    if (version !== undefined) await checkVersion(ctx, 'paper_section', stored.id, version, { bodyJson: JSON.stringify(body), ...(heading !== undefined ? { heading } : {}) });
    const bodyJson = JSON.stringify(body);
    const changed = bodyJson !== stored.body_json || (heading !== undefined && heading !== stored.heading);
    if (changed) {
      assertEditable(row, 'text');
      await sections.update(ctx, stored.id, { body: body as PaperBlock[], ...(heading !== undefined ? { heading: cleanString(heading) } : {}) });
      await touchRow(ctx, 'paper', paperId);
    }
    const after = await requirePaper(ctx, paperId);
    return {
      paperId,
      key,
      heading: heading !== undefined ? cleanString(heading) : stored.heading,
      body: body as PaperBlock[],
      changed,
      version: changed ? stored.version + 1 : stored.version,
      paperVersion: after.version,
      updatedAt: after.updatedAt,
      warnings: await paperWarnings(ctx, after),
    };
  },

  'paper.setStatus': async (ctx, { id, status }) => {
    await lockRecord(ctx, 'paper', id);
    const row = await requirePaper(ctx, id);
    if (row.status === status) return paperDetail(ctx, id);
    if (!canMove(row.status, status)) {
      throw new DomainError(
        'paper.statusMove',
        `A paper that is ${PAPER_STATUS_LABELS[row.status].toLowerCase()} cannot be made ${PAPER_STATUS_LABELS[status].toLowerCase()} directly.`,
        'status',
      );
    }
    await papers.update(ctx, id, { status });
    await versions.insert(ctx, id, status, await snapshotOf(ctx, await requirePaper(ctx, id)));
    return paperDetail(ctx, id);
  },

  'paper.compare': async (ctx, { id, from, to }) => {
    const row = await requirePaper(ctx, id);
    const numbered = await versions.of(ctx, id);
    const label = (versionId: number) => {
      const i = numbered.findIndex((v) => v.id === versionId);
      if (i < 0) throw new DomainError('paper.noVersion', `${row.reference} has no version ${versionId}.`, 'from');
      const v = numbered[i]!;
      const snap = snapshotFromVersion(v.snapshotJson);
      return { label: `Version ${i + 1} (${versionLabel(v)}, ${v.createdAt.slice(0, 16).replace('T', ' ')})`, snap };
    };
    const before = label(from);
    const after = to === null ? { label: `Current text (${isoNow(ctx).slice(0, 16).replace('T', ' ')})`, snap: await snapshotOf(ctx, row) } : label(to);
    return {
      paperId: id,
      from: { label: before.label, versionId: from },
      to: { label: after.label, versionId: to },
      titleBefore: before.snap.title,
      titleAfter: after.snap.title,
      sections: compareSections(before.snap.sections, after.snap.sections),
    };
  },

  'paper.delete': async (ctx, { id }) => {
    const row = await requirePaper(ctx, id);
    if (row.status !== 'draft') {
      throw new DomainError('paper.notDraft', `${row.reference} is ${PAPER_STATUS_LABELS[row.status].toLowerCase()}; only a draft paper can be deleted.`, 'id');
    }
    if ((await versions.packIssues(ctx, row.meetingId ?? 0)).some((v) => v.paperId === id)) {
      throw new DomainError('paper.issued', `${row.reference} has gone out in an agenda pack, so it is kept.`, 'id');
    }
    await papers.remove(ctx, id);
    return { id };
  },

  'paper.liveTable': (ctx, { source, params }) => resolveLiveTable(ctx, { type: 'live', source, params }),

  'paper.export': async (ctx, { id, out, acknowledgeWarnings }) => exportPaper(ctx, await requirePaper(ctx, id), out, acknowledgeWarnings),

  'agendaPack.plan': async (ctx, input) => (await planAgendaPack(ctx, input.meetingId, input.public)).plan,
  'agendaPack.export': async (ctx, input) => exportAgendaPack(ctx, input.meetingId, input.public, input.out),
  'agendaPack.issue': (ctx, input) => issueAgendaPack(ctx, input.meetingId, input.public),
  'agendaPack.issues': (ctx, { meetingId }) => listPackIssues(ctx, meetingId),
};
