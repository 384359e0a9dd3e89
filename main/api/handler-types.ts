import type { z } from 'zod';
import type { Ctx } from '../shared/context';
import type { OpDef } from './define';

export type ResultOfDef<D> = D extends OpDef<z.ZodType, infer R> ? R : never;

/**
 * A handler map for a slice of the contract: one handler per operation, each given the
 * parsed (validated, defaulted) input. The compiler refuses a missing or extra handler.
 */
export type HandlersFor<C extends Record<string, OpDef>> = {
  [K in keyof C]: (ctx: Ctx, input: z.output<C[K]['input']>) => ResultOfDef<C[K]> | Promise<ResultOfDef<C[K]>>;
};
