import { lockSeries } from '../db/allocation-lock';
import type { PatchOf } from '../db/table-writes';
import type { HandlersFor } from '../api/handler-types';
import { formatDateLong } from '../shared/dates';
import type { Ctx } from '../shared/context';
import { isoToday } from '../shared/context';
import { DomainError, notFound } from '../shared/errors';
import { financialYearOf, yearEnd, yearStart } from '../shared/financial-year';
import { blockLines } from '../papers/blocks';
import { sections as paperSections } from '../papers/repository';
import type { Decision, DecisionResult, DecisionWarning, decisionsContract } from './contract';
import {
  canMoveDecision,
  COMMISSIONER_CODE,
  DECISION_STATUS_LABELS,
  nextDecisionReference,
  referencePrefix,
  typeFromRecommendation,
  type Decider,
} from './decision-rules';
import { exportDecisionLog } from './decisions-export';
import { exportDecisionNotice } from './decision-notice';
import { decisions, refs } from './repository';
import { rebuildSearch, search } from './search';
import { refuseIfMinutesApproved } from '../meetings/minutes-record';
import { inquorate, inquorateWarningText } from '../meetings/inquorate';
import { meetingDetail } from '../meetings/service';

async function requireDecision(ctx: Ctx, id: number): Promise<Decision> {
  const d = await decisions.get(ctx, id);
  if (!d) throw notFound('decision', id);
  return d;
}

interface Links {
  boardId: number | null;
  meetingId: number | null;
  agendaItemId: number | null;
  paperId: number | null;
}

/** A paper fixes its agenda item, an agenda item its meeting, a meeting its board; they must agree. */
async function resolveLinks(ctx: Ctx, given: Links, decidedBy: Decider): Promise<Links & { meetingDate: string | null }> {
  const out: Links = { boardId: given.boardId, meetingId: given.meetingId, agendaItemId: given.agendaItemId, paperId: given.paperId };
  if (out.paperId !== null) {
    const paper = await refs.paper(ctx, out.paperId);
    if (!paper) throw new DomainError('decision.paperMissing', `Paper ${out.paperId} does not exist; choose one from the list.`, 'paperId');
    out.agendaItemId ??= paper.agendaItemId;
    out.meetingId ??= paper.meetingId;
    out.boardId ??= paper.boardId;
  }
  if (out.agendaItemId !== null) {
    const item = await refs.agendaItem(ctx, out.agendaItemId);
    if (!item) throw new DomainError('decision.agendaItemMissing', `Agenda item ${out.agendaItemId} does not exist.`, 'agendaItemId');
    if (out.meetingId !== null && out.meetingId !== item.meetingId) throw new DomainError('decision.agendaItemElsewhere', `The agenda item "${item.title}" belongs to another meeting.`, 'agendaItemId');
    out.meetingId = item.meetingId;
  }
  let meetingDate: string | null = null;
  if (out.meetingId !== null) {
    const meeting = await refs.meeting(ctx, out.meetingId);
    if (!meeting) throw new DomainError('decision.meetingMissing', `Meeting ${out.meetingId} does not exist.`, 'meetingId');
    if (out.boardId !== null && out.boardId !== meeting.boardId) throw new DomainError('decision.meetingElsewhere', 'That meeting is not a meeting of the board chosen for the decision.', 'meetingId');
    out.boardId = meeting.boardId;
    meetingDate = meeting.startsAt.slice(0, 10);
  }
  if (out.boardId !== null && !await refs.board(ctx, out.boardId)) throw new DomainError('decision.boardMissing', `Board ${out.boardId} does not exist.`, 'boardId');
  if (decidedBy === 'board' && out.boardId === null) {
    throw new DomainError('decision.boardRequired', 'Say which board took the decision (or record it as the Commissioner’s own decision).', 'boardId');
  }
  return { ...out, meetingDate };
}

async function codeFor(ctx: Ctx, boardId: number | null, decidedBy: Decider): Promise<string> {
  if (decidedBy === 'commissioner') return COMMISSIONER_CODE;
  const board = boardId !== null ? await refs.board(ctx, boardId) : undefined;
  if (!board) throw new DomainError('decision.boardRequired', 'Say which board took the decision.', 'boardId');
  return board.code;
}

async function nextReference(ctx: Ctx, boardId: number | null, decidedBy: Decider, year: number): Promise<string> {
  const code = await codeFor(ctx, boardId, decidedBy);
  await lockSeries(ctx, `decision reference ${referencePrefix(code, year)}`);
  return nextDecisionReference(code, year, await decisions.referencesLike(ctx, referencePrefix(code, year)));
}

async function assertUniqueReference(ctx: Ctx, reference: string, exceptId?: number): Promise<void> {
  const clash = await decisions.findByReference(ctx, reference);
  if (clash && clash.id !== exceptId) {
    throw new DomainError('decision.duplicateReference', `The reference ${clash.reference} is already used by "${clash.title}". Leave the reference empty to be given the next one.`, 'reference');
  }
}

async function checkPeopleAndMoney(ctx: Ctx, v: { ownerPersonId: number | null; fundingStreamId: number | null; indicatorIds: readonly number[] }): Promise<void> {
  if (v.ownerPersonId !== null && !await refs.exists(ctx, 'person', v.ownerPersonId)) throw new DomainError('decision.ownerMissing', `Person ${v.ownerPersonId} does not exist; choose the owner from the list.`, 'ownerPersonId');
  if (v.fundingStreamId !== null && !await refs.exists(ctx, 'funding_stream', v.fundingStreamId)) throw new DomainError('decision.streamMissing', `Funding stream ${v.fundingStreamId} does not exist.`, 'fundingStreamId');
  for (const [n, i] of (v.indicatorIds).entries()) {
        if (!await refs.exists(ctx, 'indicator', i)) throw new DomainError('decision.indicatorMissing', `Indicator ${i} does not exist.`, `indicatorIds.${n}`);
      }
}

/** Things worth saying that do not stop the record being kept. */
function warningsFor(d: Decision): DecisionWarning[] {
  const w: DecisionWarning[] = [];
  if (d.financialAmountPence !== null && d.fundingStreamId === null) w.push({ code: 'decision.noStream', message: 'The decision has an amount but no funding stream: say where the money comes from.', field: 'fundingStreamId' });
  if (d.decidedOn && d.implementationDueOn && d.implementationDueOn < d.decidedOn) w.push({ code: 'decision.dueBeforeDecided', message: `Implementation is due (${formatDateLong(d.implementationDueOn)}) before the decision was taken.`, field: 'implementationDueOn' });
  if (d.decidedOn && d.reviewOn && d.reviewOn < d.decidedOn) w.push({ code: 'decision.reviewBeforeDecided', message: `The review date (${formatDateLong(d.reviewOn)}) is before the decision was taken.`, field: 'reviewOn' });
  if (d.status === 'agreed' && d.ownerPersonId === null && d.type !== 'note') w.push({ code: 'decision.noOwner', message: 'An agreed decision has no owner to carry it out.', field: 'ownerPersonId' });
  return w;
}

async function result(ctx: Ctx, id: number): Promise<DecisionResult> {
  const decision = await requireDecision(ctx, id);
  const warnings = warningsFor(decision);
  // Agreed on an item for which the meeting was not quorate: recorded, and said (../meetings/inquorate.ts).
  if (decision.status === 'agreed' && decision.agendaItemId !== null && decision.meetingId !== null) {
    const item = (await meetingDetail(ctx, decision.meetingId)).agenda.find((i) => i.id === decision.agendaItemId);
    if (item && inquorate(item.quorum)) warnings.push({ code: 'decision.inquorate', message: inquorateWarningText(item.number, item.quorum), field: 'agendaItemId' });
  }
  return { decision, warnings };
}

function yearOf(decidedOn: string | null, meetingDate: string | null, ctx: Ctx): number {
  return Number((decidedOn ?? meetingDate ?? isoToday(ctx)).slice(0, 4));
}

/** A section's text as it reads: paragraphs, then list items with their markers. */
async function sectionText(ctx: Ctx, paperId: number, key: string): Promise<string> {
  const s = (await paperSections.of(ctx, paperId)).find((x) => x.key === key);
  return s ? s.body.flatMap(blockLines).join('\n').trim() : '';
}

export const decisionsHandlers: HandlersFor<typeof decisionsContract> = {
  'decision.list': async (ctx, { cursor, limit, from, to, ...filter }) => {
    // Neither date given: the current financial year and what is not dated yet (proposed,
    // with no meeting), what the secretariat looks at first.
    const fy = from === undefined && to === undefined ? financialYearOf(isoToday(ctx)) : null;
    const dates = fy ? { from: yearStart(fy), to: yearEnd(fy) } : { from: from ?? null, to: to ?? null };
    const page = await decisions.page(ctx, { ...filter, ...dates, withUndated: fy !== null }, { cursor, limit });
    return { ...page, ...dates, withUndated: fy !== null };
  },
  'decision.get': (ctx, { id }) => requireDecision(ctx, id),
  'decision.nextReference': async (ctx, { boardId, decidedBy, year }) => ({ reference: await nextReference(ctx, boardId, decidedBy, year) }),

  'decision.create': async (ctx, input) => {
    const links = await resolveLinks(ctx, input, input.decidedBy);
    await refuseIfMinutesApproved(ctx, links.meetingId, input.agendaItemId !== null ? 'agendaItemId' : input.paperId !== null ? 'paperId' : 'meetingId', 'the decisions recorded on them');
    await checkPeopleAndMoney(ctx, input);
    if (input.confidential && !input.confidentialReason) throw new DomainError('decision.noReason', 'Give the reason the decision is confidential.', 'confidentialReason');
    const decidedOn = input.decidedOn ?? (input.status === 'agreed' || input.status === 'rejected' ? (links.meetingDate ?? isoToday(ctx)) : null);
    const reference = input.reference || await nextReference(ctx, links.boardId, input.decidedBy, yearOf(decidedOn, links.meetingDate, ctx));
    await assertUniqueReference(ctx, reference);
    const { indicatorIds, meetingId: _m, agendaItemId: _a, paperId: _p, boardId: _b, reference: _r, ...fields } = input;
    const id = await decisions.insert(ctx, {
      ...fields,
      reference,
      boardId: links.boardId,
      meetingId: links.meetingId,
      agendaItemId: links.agendaItemId,
      paperId: links.paperId,
      decidedOn,
    });
    await decisions.setIndicators(ctx, id, indicatorIds);
    return result(ctx, id);
  },

  'decision.update': async (ctx, { id, indicatorIds, ...patch }) => {
    const d = await requireDecision(ctx, id);
    await refuseIfMinutesApproved(ctx, d.meetingId, Object.keys(patch)[0] ?? (indicatorIds !== undefined ? 'indicatorIds' : 'id'), `${d.reference} as recorded in them`);
    const decidedBy = patch.decidedBy ?? d.decidedBy;
    const links = await resolveLinks(
      ctx,
      {
        boardId: patch.boardId !== undefined ? patch.boardId : d.boardId,
        meetingId: patch.meetingId !== undefined ? patch.meetingId : d.meetingId,
        agendaItemId: patch.agendaItemId !== undefined ? patch.agendaItemId : d.agendaItemId,
        paperId: patch.paperId !== undefined ? patch.paperId : d.paperId,
      },
      decidedBy,
    );
    await refuseIfMinutesApproved(ctx, links.meetingId, patch.agendaItemId !== undefined ? 'agendaItemId' : 'meetingId', 'the decisions recorded on them');
    await checkPeopleAndMoney(ctx, {
      ownerPersonId: patch.ownerPersonId !== undefined ? patch.ownerPersonId : d.ownerPersonId,
      fundingStreamId: patch.fundingStreamId !== undefined ? patch.fundingStreamId : d.fundingStreamId,
      indicatorIds: indicatorIds ?? [],
    });
    const confidential = patch.confidential ?? d.confidential;
    if (confidential && !(patch.confidentialReason ?? d.confidentialReason)) throw new DomainError('decision.noReason', 'Give the reason the decision is confidential.', 'confidentialReason');
    const { reference, ...rest } = patch;
    if (reference) await assertUniqueReference(ctx, reference, id);
    await decisions.update(ctx, id, { ...rest, ...(reference ? { reference } : {}), boardId: links.boardId, meetingId: links.meetingId, agendaItemId: links.agendaItemId, paperId: links.paperId });
    if (indicatorIds !== undefined) await decisions.setIndicators(ctx, id, indicatorIds);
    return result(ctx, id);
  },

  'decision.setStatus': async (ctx, { id, status, supersededById, decidedOn }) => {
    const d = await requireDecision(ctx, id);
    if (d.status === status) return result(ctx, id);
    // A decision minuted in approved minutes may later be superseded, but its outcome is the record.
    if (status !== 'superseded') await refuseIfMinutesApproved(ctx, d.meetingId, 'status', `${d.reference} as recorded in them`);
    if (!canMoveDecision(d.status, status)) {
      throw new DomainError('decision.statusMove', `A decision that is ${DECISION_STATUS_LABELS[d.status].toLowerCase()} cannot be made ${DECISION_STATUS_LABELS[status].toLowerCase()}.`, 'status');
    }
    const patch: PatchOf<'decision'> = { status };
    if (status === 'superseded') {
      if (supersededById === null) throw new DomainError('decision.supersededByRequired', 'Say which decision supersedes this one.', 'supersededById');
      if (supersededById === id) throw new DomainError('decision.supersedesItself', 'A decision cannot supersede itself.', 'supersededById');
      const by = await decisions.get(ctx, supersededById);
      if (!by) throw new DomainError('decision.supersededByMissing', `Decision ${supersededById} does not exist.`, 'supersededById');
      if (by.supersededById === id) throw new DomainError('decision.supersedesCircle', `${by.reference} is itself superseded by ${d.reference}.`, 'supersededById');
      patch.supersededById = supersededById;
    } else {
      patch.supersededById = null;
    }
    if ((status === 'agreed' || status === 'rejected' || status === 'deferred') && (decidedOn ?? d.decidedOn) === null) {
      patch.decidedOn = d.meetingStartsAt ? d.meetingStartsAt.slice(0, 10) : isoToday(ctx);
    } else if (decidedOn !== null) patch.decidedOn = decidedOn;
    await decisions.update(ctx, id, patch);
    return result(ctx, id);
  },

  'decision.delete': async (ctx, { id }) => {
    const d = await requireDecision(ctx, id);
    await refuseIfMinutesApproved(ctx, d.meetingId, 'id', `${d.reference} as recorded in them`);
    if (d.status !== 'proposed') throw new DomainError('decision.notProposed', `${d.reference} is ${DECISION_STATUS_LABELS[d.status].toLowerCase()}; only a proposed decision can be deleted. Supersede it instead.`, 'id');
    await decisions.remove(ctx, id);
    return { id };
  },

  'decision.proposeFromPaper': async (ctx, { paperId }) => {
    const paper = await refs.paper(ctx, paperId);
    if (!paper) throw notFound('paper', paperId);
    const existing = (await decisions.byPaper(ctx, paperId)).find((d) => d.status === 'proposed');
    if (existing) throw new DomainError('decision.alreadyProposed', `${paper.reference} already has a proposed decision, ${existing.reference}.`, 'paperId');
    const required = await sectionText(ctx, paperId, 'decision-required');
    const recommendation = await sectionText(ctx, paperId, 'recommendation');
    if (!required && !recommendation) {
      throw new DomainError('decision.nothingToPropose', `${paper.reference} has no Decision Required or Recommendation section with text, so there is no decision to propose.`, 'paperId');
    }
    const links = await resolveLinks(ctx, { boardId: null, meetingId: null, agendaItemId: null, paperId }, paper.boardId === null ? 'commissioner' : 'board');
    const decidedBy: Decider = links.boardId === null ? 'commissioner' : 'board';
    const text = [recommendation, required ? `Decision required:\n${required}` : ''].filter(Boolean).join('\n\n');
    const reference = await nextReference(ctx, links.boardId, decidedBy, yearOf(null, links.meetingDate, ctx));
    const id = await decisions.insert(ctx, {
      reference,
      boardId: links.boardId,
      meetingId: links.meetingId,
      agendaItemId: links.agendaItemId,
      paperId,
      title: paper.title,
      text,
      type: typeFromRecommendation(recommendation || required),
      decidedBy,
      status: 'proposed',
    });
    const out = await result(ctx, id);
    if (links.meetingId === null) out.warnings.push({ code: 'decision.noMeeting', message: `${paper.reference} is not on a meeting's agenda, so the decision has no meeting yet.`, field: 'meetingId' });
    return out;
  },

  'decision.exportLog': async (ctx, input) => exportDecisionLog(ctx, input),
  'decision.exportNotice': async (ctx, { id, out, acknowledgeWarnings }) => exportDecisionNotice(ctx, await requireDecision(ctx, id), out, acknowledgeWarnings),

  'search.query': (ctx, { q, kinds, limit }) => search(ctx, q, kinds, limit),
  'search.rebuild': (ctx) => rebuildSearch(ctx),
};
