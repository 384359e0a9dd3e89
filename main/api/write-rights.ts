import type { ConnectedAs, TeamRole } from '../db/team-roles';
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
