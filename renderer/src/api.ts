import type { Api, Envelope } from '../../main/api/contract';
import type { ApiErrorShape, Problem } from '../../main/shared/errors';

/**
 * The renderer's only door to the workspace. window.api is put there before the app runs:
 * by the preload over IPC in Electron, by /bridge.js over HTTP in the browser tests.
 */
declare global {
  interface Window {
    api: Api;
  }
}

/** An error envelope, thrown so a store can catch it and show it next to the right field. */
export class ApiError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  readonly problems: Problem[];
  constructor(shape: ApiErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
    this.field = shape.field;
    this.problems = shape.problems ?? [];
  }
}

export function api(): Api {
  return window.api;
}

export function hasApi(): boolean {
  return typeof window !== 'undefined' && typeof window.api === 'object' && window.api !== null;
}

/** Unwraps an envelope: its value, or an ApiError carrying code, message and field. */
export async function call<R>(promise: Promise<Envelope<R>>): Promise<R> {
  let envelope: Envelope<R>;
  try {
    envelope = await promise;
  } catch {
    // The transport itself failed (should not happen: preload and bridge return envelopes).
    throw new ApiError({ code: 'offline', message: 'The workspace could not be reached. Restart the app.' });
  }
  if (envelope.ok) return envelope.value;
  throw new ApiError(envelope.error);
}

/** The message to show for anything a store caught. */
export function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  console.error(err);
  return 'Something went wrong in the app. Nothing was changed.';
}
