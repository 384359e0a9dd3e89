import { interests } from '../interests/repository';
import type { InterestType } from '../interests/contract';
import { formatDateLong } from '../shared/dates';
import { DomainError } from '../shared/errors';
import type { Ctx } from '../shared/context';
import type { Meeting } from './contract';
import { agendaItems, attendance, declarations } from './repository';

export interface DeclarationInput {
  meetingId: number;
  agendaItemId: number | null;
  personId: number;
  interestId: number | null;
  interest: string;
  interestType: InterestType | null;
  withdrew: boolean;
}

/**
 * Records a declaration of interest. Only someone recorded as present can declare — a member
 * in their own right, or a substitute representing one — so apologies and absences are
 * refused naming personId. The interest is an entry of the person's register (interestId),
 * which must be theirs and current on the meeting's date, or a new one, which goes into their
 * register from the meeting's date: a declaration is always of a registered interest, and
 * keeps its wording and type as declared. One transaction: nothing is half-saved.
 */
export async function addDeclaration(ctx: Ctx, meeting: Meeting, input: DeclarationInput): Promise<void> {
  const date = meeting.startsAt.slice(0, 10);
  if (input.agendaItemId !== null) {
    const item = await agendaItems.get(ctx, input.agendaItemId);
    if (!item || item.meetingId !== meeting.id) {
      throw new DomainError('declaration.wrongItem', `Agenda item ${input.agendaItemId} is not on this meeting's agenda.`, 'agendaItemId');
    }
  }
  const mark = (await attendance.list(ctx, meeting.id)).find((a) => a.personId === input.personId);
  if (!mark || mark.status !== 'present') {
    const state = !mark ? 'not recorded as attending' : mark.status === 'apologies' ? 'recorded as having sent apologies' : 'recorded as absent';
    throw new DomainError(
      'declaration.notPresent',
      `Who: this person is ${state} at this meeting; only those present (members, or substitutes representing them) can declare an interest. Record their attendance first.`,
      'personId',
    );
  }
  let interestId: number;
  let text: string;
  let type: InterestType;
  if (input.interestId !== null) {
    const entry = await interests.get(ctx, input.interestId);
    if (!entry || entry.personId !== input.personId) {
      throw new DomainError('declaration.notTheirInterest', `Interest ${input.interestId} is not in ${mark.name}’s register; choose one of theirs, or describe a new interest.`, 'interestId');
    }
    if (entry.startsOn > date || (entry.endsOn !== null && entry.endsOn < date)) {
      const when = entry.endsOn !== null && entry.endsOn < date ? `ended on ${formatDateLong(entry.endsOn)}` : `starts on ${formatDateLong(entry.startsOn)}`;
      throw new DomainError('declaration.interestNotCurrent', `That entry of ${mark.name}’s register ${when}, so it was not current on the meeting's date (${formatDateLong(date)}).`, 'interestId');
    }
    interestId = entry.id;
    text = entry.description;
    type = entry.type;
  } else {
    // The schema has already refused a new interest without its wording or type.
    text = input.interest;
    type = input.interestType!;
    interestId = await interests.insert(ctx, { personId: input.personId, type, description: text, startsOn: date, endsOn: null, reviewedOn: null });
  }
  await declarations.insert(ctx, {
    meetingId: meeting.id,
    agendaItemId: input.agendaItemId,
    personId: input.personId,
    interest: text,
    interestId,
    interestType: type,
    withdrew: input.agendaItemId !== null && input.withdrew,
  });
}
