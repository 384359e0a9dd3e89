import type { HandlersFor } from '../api/handler-types';
import { people } from '../people/repository';
import { formatDateLong } from '../shared/dates';
import { DomainError, notFound } from '../shared/errors';
import type { Ctx } from '../shared/context';
import type { Interest, interestsContract } from './contract';
import { interests } from './repository';

export async function requireInterest(ctx: Ctx, id: number): Promise<Interest> {
  const interest = await interests.get(ctx, id);
  if (!interest) throw notFound('interest', id);
  return interest;
}

/** An entry's to date cannot be before its from date; the refusal names the field that was sent. */
export function checkInterestDates(startsOn: string, endsOn: string | null, field: 'startsOn' | 'endsOn' = 'endsOn'): void {
  if (endsOn !== null && endsOn < startsOn) {
    throw new DomainError('interest.endsBeforeStart', `To (${formatDateLong(endsOn)}) is before from (${formatDateLong(startsOn)}).`, field);
  }
}

async function requirePerson(ctx: Ctx, personId: number): Promise<void> {
  if (!(await people.get(ctx, personId))) throw new DomainError('person.notFound', `Person: nobody with id ${personId} exists; choose someone from the list.`, 'personId');
}

export const interestsHandlers: HandlersFor<typeof interestsContract> = {
  'interest.list': async (ctx, { personId, on }) => {
    await requirePerson(ctx, personId);
    return interests.forPerson(ctx, personId, on);
  },
  'interest.create': async (ctx, values) => {
    await requirePerson(ctx, values.personId);
    checkInterestDates(values.startsOn, values.endsOn);
    return requireInterest(ctx, await interests.insert(ctx, values));
  },
  'interest.update': async (ctx, { id, ...patch }) => {
    const before = await requireInterest(ctx, id);
    checkInterestDates(patch.startsOn ?? before.startsOn, patch.endsOn === undefined ? before.endsOn : patch.endsOn, patch.endsOn === undefined ? 'startsOn' : 'endsOn');
    await interests.update(ctx, id, patch);
    return requireInterest(ctx, id);
  },
  'interest.delete': async (ctx, { id }) => {
    await requireInterest(ctx, id);
    await interests.remove(ctx, id);
    return { id };
  },
};
