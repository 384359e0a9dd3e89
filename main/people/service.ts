import type { HandlersFor } from '../api/handler-types';
import { refuseIfReferenced } from '../db/references';
import { DomainError, notFound } from '../shared/errors';
import type { Ctx } from '../shared/context';
import type { peopleContract } from './contract';
import { organisations, people } from './repository';

async function requireOrganisation(ctx: Ctx, id: number) {
  const org = await organisations.get(ctx, id);
  if (!org) throw notFound('organisation', id);
  return org;
}

async function requirePerson(ctx: Ctx, id: number) {
  const person = await people.get(ctx, id);
  if (!person) throw notFound('person', id);
  return person;
}

async function assertUniqueName(ctx: Ctx, name: string, exceptId?: number): Promise<void> {
  const clash = await organisations.findByName(ctx, name);
  if (clash && clash.id !== exceptId) {
    throw new DomainError('organisation.duplicateName', `An organisation called "${clash.name}" already exists.`, 'name');
  }
}

async function assertOrganisationExists(ctx: Ctx, id: number | null): Promise<void> {
  if (id !== null && !await organisations.get(ctx, id)) {
    throw new DomainError('person.organisationMissing', `Organisation ${id} does not exist; choose one from the list.`, 'organisationId');
  }
}

export const peopleHandlers: HandlersFor<typeof peopleContract> = {
  'organisation.list': (ctx, { search }) => organisations.list(ctx, search),
  'organisation.get': (ctx, { id }) => requireOrganisation(ctx, id),
  'organisation.create': async (ctx, input) => {
    await assertUniqueName(ctx, input.name);
    return requireOrganisation(ctx, await organisations.insert(ctx, input));
  },
  'organisation.update': async (ctx, { id, ...patch }) => {
    await requireOrganisation(ctx, id);
    if (patch.name !== undefined) await assertUniqueName(ctx, patch.name, id);
    await organisations.update(ctx, id, patch);
    return requireOrganisation(ctx, id);
  },
  'organisation.delete': async (ctx, { id }) => {
    const org = await requireOrganisation(ctx, id);
    await refuseIfReferenced(ctx, 'organisation', id, org.name, { advice: 'Move or remove those first.' });
    await organisations.remove(ctx, id);
    return { id };
  },

  'person.list': (ctx, { search, organisationId }) => people.list(ctx, search, organisationId),
  'person.get': (ctx, { id }) => requirePerson(ctx, id),
  'person.create': async (ctx, input) => {
    await assertOrganisationExists(ctx, input.organisationId);
    return requirePerson(ctx, await people.insert(ctx, input));
  },
  'person.update': async (ctx, { id, ...patch }) => {
    await requirePerson(ctx, id);
    await assertOrganisationExists(ctx, patch.organisationId);
    await people.update(ctx, id, patch);
    return requirePerson(ctx, id);
  },
  'person.delete': async (ctx, { id }) => {
    const person = await requirePerson(ctx, id);
    await refuseIfReferenced(ctx, 'person', id, `${person.givenName} ${person.familyName}`, { pronoun: 'them', advice: 'End or reassign those first.' });
    await people.remove(ctx, id);
    return { id };
  },
};
