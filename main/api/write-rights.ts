import type { Kysely } from 'kysely';
import type { Store } from '../db/store';
import { readConnectedAs, type ConnectedAs, type TeamRole } from '../db/team-roles';
import { DomainError } from '../shared/errors';
import { contract, type OpName } from './contract';

/**
 * Which team role a write needs on a PostgreSQL workspace (main/db/team-roles.ts): the
 * funding area's writes may be made by finance or the secretariat, every other write by the
 * secretariat alone. The database's grants are what enforce it; this is for saying so in
 * words, and for refusing before the work starts when the connection is known to lack it.
 */

/** The operations' areas (the part of the name before the dot) whose writes are funding's. */
const FUNDING_AREAS = new Set(['fundingStream', 'budgetLine', 'award', 'spend', 'funding', 'claim']);

export function isFundingOperation(name: OpName): boolean {
  return FUNDING_AREAS.has(name.slice(0, name.indexOf('.')));
}

/** The team roles that may run the operation; null for a read, which every role may. */
export function rolesNeeded(name: OpName): TeamRole[] | null {
  if (contract[name].kind !== 'write') return null;
  return isFundingOperation(name) ? ['finance', 'secretariat'] : ['secretariat'];
}

/** Whether what the connection may write covers the operation. */
export function mayRun(name: OpName, canWrite: ConnectedAs['canWrite']): boolean {
  if (contract[name].kind !== 'write') return true;
  return canWrite === 'all' || (canWrite === 'funding' && isFundingOperation(name));
}

function who(c: ConnectedAs): string {
  const roles = c.roles.length ? c.roles.join(', ') : 'no team role';
  const may =
    c.canWrite === 'none' ? 'which may only read' : c.canWrite === 'funding' ? 'which may change only the funding' : 'which the database did not allow to make this change';
  return `You are connected as ${c.login} (${roles}), ${may}.`;
}

/**
 * The refusal of a write the connected role may not make: who you are, what it needs, what
 * to do. Code db.permission, as the database's own refusal (SQLSTATE 42501) is.
 */
export function refusedWrite(name: OpName, c: ConnectedAs): DomainError {
  const needed = rolesNeeded(name) ?? ['secretariat'];
  const what = isFundingOperation(name) ? `Changing the funding (${name})` : `This change (${name})`;
  return new DomainError(
    'db.permission',
    `${who(c)} ${what} needs the ${needed.join(' or ')} role; nothing was changed. Ask the board manager to give you that role.`,
  );
}

/**
 * The rights as the server grants them now, kept on the store: the ones read at open may be
 * out of date (the board manager granted or revoked a role since). Falls back to those when
 * the server cannot be asked.
 */
async function currentRights(store: Store): Promise<ConnectedAs | undefined> {
  try {
    store.connectedAs = await readConnectedAs(store.kysely as unknown as Kysely<unknown>);
  } catch {
    // The write that follows (or has failed) meets the same problem and says it.
  }
  return store.connectedAs;
}

/**
 * Before a write's work starts, on PostgreSQL: refuses it when the rights read at open lack
 * it and the server, asked again, confirms; the grants refuse it anyway, so this only saves
 * the work and words the refusal. Never refuses on rights read long ago alone.
 */
export async function refuseEarly(store: Store, name: OpName): Promise<void> {
  if (!store.connectedAs || mayRun(name, store.connectedAs.canWrite)) return;
  const now = await currentRights(store);
  if (now && !mayRun(name, now.canWrite)) throw refusedWrite(name, now);
}

/** The database refused a write (SQLSTATE 42501): the refusal in words, with the rights as they are now. */
export async function refusalOf(store: Store, name: OpName): Promise<DomainError | undefined> {
  if (!store.connectedAs || !store.isOpen()) return undefined;
  const now = await currentRights(store);
  return now && refusedWrite(name, now);
}
