import type { z } from 'zod';
import type { ApiErrorShape } from '../shared/errors';
import type { OpDef, ReadAtField } from './define';
import type { ResultOfDef } from './handler-types';
import { decisionsContract } from '../decisions/contract';
import { fundingContract } from '../funding/contract';
import { grantsContract } from '../grants/contract';
import { scoringContract } from '../grants/scoring-contract';
import { interestsContract } from '../interests/contract';
import { meetingsContract } from '../meetings/contract';
import { minutesContract } from '../meetings/minutes-record';
import { boardPlanContract } from '../meetings/board-plan-contract';
import { papersContract } from '../papers/contract';
import { peopleContract } from '../people/contract';
import { performanceContract } from '../performance/contract';
import { workspaceContract } from '../workspace/contract';

/**
 * The one API contract: operation name → input schema → result type. The IPC handlers,
 * the preload's window.api, the loopback HTTP bridge and the CLI are all derived from it.
 * Each area owns its slice (main/<area>/contract.ts); this file only gathers them.
 */
export const contract = {
  ...workspaceContract,
  ...peopleContract,
  ...interestsContract,
  ...meetingsContract,
  ...minutesContract,
  ...boardPlanContract,
  ...papersContract,
  ...decisionsContract,
  ...performanceContract,
  ...fundingContract,
  ...grantsContract,
  ...scoringContract,
} as const satisfies Record<string, OpDef>;

export type Contract = typeof contract;
export type OpName = keyof Contract & string;
/** What a caller sends (defaults may be omitted). */
export type InputOf<K extends OpName> = z.input<Contract[K]['input']>;
export type ResultOf<K extends OpName> = ResultOfDef<Contract[K]>;
/**
 * What a screen sends (window.api): as InputOf, but what the screen read (`version`, `was`…:
 * READ_AT_FIELDS) may not be left out, as dispatch refuses it from a screen.
 */
export type ScreenInputOf<K extends OpName> = InputOf<K> & { [F in Extract<keyof InputOf<K>, ReadAtField>]-?: Exclude<InputOf<K>[F], undefined> };
export type Envelope<R> = { ok: true; value: R } | { ok: false; error: ApiErrorShape };

export const operationNames = Object.keys(contract) as OpName[];

export function isOperation(name: unknown): name is OpName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** window.api: one async function per operation, grouped by area: api.person.create(input). */
type AreaOf<K extends string> = K extends `${infer A}.${string}` ? A : never;
export type Api = {
  [A in AreaOf<OpName>]: {
    [K in OpName as K extends `${A}.${infer M}` ? M : never]: (input: ScreenInputOf<K>) => Promise<Envelope<ResultOf<K>>>;
  };
};

export type Invoke = (name: OpName, input: unknown) => Promise<Envelope<unknown>>;

/** Builds window.api over any transport (IPC in Electron, fetch in the test bridge). */
export function buildApi(invoke: Invoke): Api {
  const api: Record<string, Record<string, (input: unknown) => Promise<Envelope<unknown>>>> = {};
  for (const name of operationNames) {
    const dot = name.indexOf('.');
    const area = name.slice(0, dot);
    const method = name.slice(dot + 1);
    (api[area] ??= {})[method] = (input: unknown) => invoke(name, input === undefined ? {} : input);
  }
  return api as unknown as Api;
}
