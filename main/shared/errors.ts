/**
 * Errors are values the user can act on. A DomainError carries a stable code, a message
 * written for the secretariat, and the field it concerns (a path such as "amount" or
 * "organisations.3.name") so the form can point at it.
 */
export interface ApiErrorShape {
  code: string;
  message: string;
  field?: string;
  /** Every problem found, by path, where there can be many (bundle import, spreadsheet import). */
  problems?: Problem[];
  /** Set when the record was changed or deleted by someone else since it was read (code "stale"). */
  stale?: StaleDetail;
}

/** One field of a record someone else changed: their saved value beside the one being saved. */
export interface StaleChange {
  field: string;
  theirs: unknown;
  yours: unknown;
  /** False when the person saving did not touch this field (only they changed it). */
  yoursSent: boolean;
}

/** Who changed (or deleted) the record, when (local ISO time), its version now, and what differs. */
export interface StaleDetail {
  by: string;
  at: string;
  deleted: boolean;
  version: number | null;
  changes: StaleChange[];
}

export interface Problem {
  path: string;
  message: string;
}

export class DomainError extends Error {
  readonly code: string;
  readonly field?: string;
  readonly problems?: Problem[];
  stale?: StaleDetail;
  constructor(code: string, message: string, field?: string, problems?: Problem[]) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    if (field !== undefined) this.field = field;
    if (problems !== undefined) this.problems = problems;
  }
  toShape(): ApiErrorShape {
    const shape: ApiErrorShape = { code: this.code, message: this.message };
    if (this.field !== undefined) shape.field = this.field;
    if (this.problems !== undefined) shape.problems = this.problems;
    if (this.stale !== undefined) shape.stale = this.stale;
    return shape;
  }
  withStale(stale: StaleDetail): this {
    this.stale = stale;
    return this;
  }
}

export function notFound(entity: string, id: number | string): DomainError {
  return new DomainError(`${entity}.notFound`, `No ${entity.replace(/_/g, ' ')} with id ${id} exists (it may have been deleted).`, 'id');
}
