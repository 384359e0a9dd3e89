import type { Ctx } from '../shared/context';
import { deleteRow, insertRow, updateRow } from './audit';
import { toSnake } from './rows';

/**
 * A repository's writes to one table: camelCase fields in, snake_case columns out, through
 * the audited insertRow/updateRow/deleteRow. A repository spreads in all three
 * (`{ ...tableWrites('board'), list… }`) or names the ones the table allows
 * (`const claimWrites = tableWrites('claim')` and `insert: claimWrites.insert`).
 */
export function tableWrites<Values extends object = Record<string, unknown>, Patch extends object = Partial<Values>>(table: string) {
  return {
    insert(ctx: Ctx, values: Values): number {
      return insertRow(ctx, table, toSnake(values as Record<string, unknown>));
    },
    update(ctx: Ctx, id: number, patch: Patch): void {
      updateRow(ctx, table, id, toSnake(patch as Record<string, unknown>));
    },
    remove(ctx: Ctx, id: number): void {
      deleteRow(ctx, table, id);
    },
  };
}
