import type { HandlersFor } from '../api/handler-types';
import { refuseIfReferenced } from '../db/references';
import { DomainError, notFound } from '../shared/errors';
import type { Ctx } from '../shared/context';
import type { peopleContract } from './contract';
import { organisations, people } from './repository';

function requireOrganisation(ctx: Ctx, id: number) {
  const org = organisations.get(ctx, id);
  if (!org) throw notFound('organisation', id);
  return org;
}

function requirePerson(ctx: Ctx, id: number) {
  const person = people.get(ctx, id);
  if (!person) throw notFound('person', id);
  return person;
}

function assertUniqueName(ctx: Ctx, name: string, exceptId?: number): void {
  const clash = organisations.findByName(ctx, name);
  if (clash && clash.id !== exceptId) {
    throw new DomainError('organisation.duplicateName', `An organisation called "${clash.name}" already exists.`, 'name');
  }
}

function assertOrganisationExists(ctx: Ctx, id: number | null): void {
  if (id !== null && !organisations.get(ctx, id)) {
    throw new DomainError('person.organisationMissing', `Organisation ${id} does not exist; choose one from the list.`, 'organisationId');
  }
}

export const peopleHandlers: HandlersFor<typeof peopleContract> = {
  'organisation.list': (ctx, { search }) => organisations.list(ctx, search),
  'organisation.get': (ctx, { id }) => requireOrganisation(ctx, id),
  'organisation.create': (ctx, input) => {
    assertUniqueName(ctx, input.name);
    return requireOrganisation(ctx, organisations.insert(ctx, input));
  },
  'organisation.update': (ctx, { id, ...patch }) => {
    requireOrganisation(ctx, id);
    if (patch.name !== undefined) assertUniqueName(ctx, patch.name, id);
    organisations.update(ctx, id, patch);
    return requireOrganisation(ctx, id);
  },
  'organisation.delete': (ctx, { id }) => {
    const org = requireOrganisation(ctx, id);
    refuseIfReferenced(ctx.db, 'organisation', id, org.name, { advice: 'Move or remove those first.' });
    organisations.remove(ctx, id);
    return { id };
  },

  'person.list': (ctx, { search, organisationId }) => people.list(ctx, search, organisationId),
  'person.get': (ctx, { id }) => requirePerson(ctx, id),
  'person.create': (ctx, input) => {
    assertOrganisationExists(ctx, input.organisationId);
    return requirePerson(ctx, people.insert(ctx, input));
  },
  'person.update': (ctx, { id, ...patch }) => {
    requirePerson(ctx, id);
    assertOrganisationExists(ctx, patch.organisationId);
    people.update(ctx, id, patch);
    return requirePerson(ctx, id);
  },
  'person.delete': (ctx, { id }) => {
    const person = requirePerson(ctx, id);
    refuseIfReferenced(ctx.db, 'person', id, `${person.givenName} ${person.familyName}`, { pronoun: 'them', advice: 'End or reassign those first.' });
    people.remove(ctx, id);
    return { id };
  },
};
