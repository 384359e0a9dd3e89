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
}

export interface Problem {
  path: string;
  message: string;
}

export class DomainError extends Error {
  readonly code: string;
  readonly field?: string;
  readonly problems?: Problem[];
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
    return shape;
  }
}

export function notFound(entity: string, id: number | string): DomainError {
  return new DomainError(`${entity}.notFound`, `No ${entity.replace(/_/g, ' ')} with id ${id} exists (it may have been deleted).`, 'id');
}
