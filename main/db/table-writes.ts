import type { Insertable, Updateable } from 'kysely';
import type { Ctx } from '../shared/context';
import { deleteRow, insertRow, updateRow } from './audit';
import { toSnake, type CamelCase } from './rows';
import type { DB, TableName } from './schema';

/** A table's columns as camelCase fields; an integer column also takes a boolean (stored 0/1). */
type Camelised<R> = { [K in keyof R as K extends string ? CamelCase<K> : never]: R[K] | (number extends NonNullable<R[K]> ? boolean : never) };

/** What an insert into table T takes: every column camelCased, optional where the database fills it in (id, defaults, timestamps). */
export type InsertOf<T extends TableName> = Camelised<Omit<Insertable<DB[T]>, 'created_at' | 'updated_at'>> & { createdAt?: string; updatedAt?: string };
/** What an update of table T takes: any of its columns, camelCased. */
export type PatchOf<T extends TableName> = Camelised<Updateable<DB[T]>>;

/**
 * V with every field the table lacks turned into `never`: an object passed as a variable (an
 * API input spread into a write) is checked as strictly as one written out in the call, so a
 * field renamed in the contract but not in the table is a compile error at the write.
 */
export type Exactly<V, Allowed> = V & { [K in Exclude<keyof V, keyof Allowed>]: never };

/**
 * A repository's writes to one table: camelCase fields in, snake_case columns out, through
 * the audited insertRow/updateRow/deleteRow. The fields are typed from the table's columns
 * (main/db/schema.ts, generated from the migrations), so a field the table does not have, or
 * an API field renamed without its column, is a compile error rather than a run-time SQL
 * error (and audit.ts refuses an unknown column by name at run time too). A repository
 * spreads in all three (`{ ...tableWrites('board'), list… }`) or names the ones the table
 * allows (`const claimWrites = tableWrites('claim')` and `insert: claimWrites.insert`).
 */
export function tableWrites<T extends TableName>(table: T) {
  return {
    insert<V extends InsertOf<T>>(ctx: Ctx, values: Exactly<V, InsertOf<T>>): Promise<number> {
      return insertRow(ctx, table, toSnake(values as Record<string, unknown>));
    },
    async update<V extends PatchOf<T>>(ctx: Ctx, id: number, patch: Exactly<V, PatchOf<T>>): Promise<void> {
      await updateRow(ctx, table, id, toSnake(patch as Record<string, unknown>));
    },
    async remove(ctx: Ctx, id: number): Promise<void> {
      await deleteRow(ctx, table, id);
    },
  };
}
