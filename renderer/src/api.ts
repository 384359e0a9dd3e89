import type { Api, Envelope } from '../../main/api/contract';
import type { ApiErrorShape, Problem, StaleDetail } from '../../main/shared/errors';

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
  /** Who changed or deleted the record since it was read, and their values beside yours (code "stale"). */
  readonly stale: StaleDetail | undefined;
  constructor(shape: ApiErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
    this.field = shape.field;
    this.problems = shape.problems ?? [];
    this.stale = shape.stale;
  }
}

export function api(): Api {
  return window.api;
}

export function hasApi(): boolean {
  return typeof window !== 'undefined' && typeof window.api === 'object' && window.api !== null;
}

/**
 * Codes that mean the workspace file itself changed underneath or was closed: whichever
 * screen met one, the app shell must hear of it and show the banner with Reopen.
 */
export const FILE_PROBLEM_CODES: ReadonlySet<string> = new Set(['workspace.replaced', 'workspace.missing', 'workspace.closed', 'db.corrupt']);
const fileProblemListeners = new Set<(error: ApiErrorShape) => void>();

/** Subscribes to file problems met by any call; returns the unsubscribe. */
export function onFileProblem(listener: (error: ApiErrorShape) => void): () => void {
  fileProblemListeners.add(listener);
  return () => fileProblemListeners.delete(listener);
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
  if (FILE_PROBLEM_CODES.has(envelope.error.code)) for (const listener of fileProblemListeners) listener(envelope.error);
  throw new ApiError(envelope.error);
}

/** The message to show for anything a store caught. */
export function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  console.error(err);
  return 'Something went wrong in the app. Nothing was changed.';
}
