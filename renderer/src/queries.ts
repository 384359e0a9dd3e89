import { QueryClient, useInfiniteQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Envelope, InputOf, OpName } from '../../main/api/contract';
import { call } from './api';

/**
 * The one cached road from screens to the workspace for what they read (issue 9): a query is
 * keyed by its operation and input (`['action.list', filter]`), so two screens asking the same
 * thing share one answer, and an answer is kept until something it reads has changed. Then it
 * is invalidated, by table: after this app's own writes (`write` below) and when the changes
 * poller hears of others' (../changes/poller.ts). The stores keep what the person chose —
 * filters, the row in focus, an open dialog — and never a copy of the rows.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Fresh until invalidated: every change to what a query reads invalidates it, by table.
      staleTime: Infinity,
      // An error is a value to show (a refused filter, the file gone), not a reason to ask again.
      retry: false,
      refetchOnWindowFocus: false,
    },
  },
});

/** The key of an operation's answer: its name, then its input as sent. */
export function opKey<K extends OpName>(name: K, input: InputOf<K>): readonly [K, InputOf<K>] {
  return [name, input] as const;
}

const ACTION_TABLES = ['action', 'action_update', 'action_due_revision', 'person', 'organisation', 'board', 'meeting', 'agenda_item'];
const DECISION_TABLES = ['decision', 'decision_indicator', 'board', 'meeting', 'agenda_item', 'person', 'paper', 'funding_stream', 'indicator'];

/** The tables each cached operation reads; an operation not named here is invalidated by any change. */
const READS: Partial<Record<OpName, readonly string[]>> = {
  'action.list': ACTION_TABLES,
  'action.dueThisWeek': ACTION_TABLES,
  'action.get': ACTION_TABLES,
  'action.chase': ACTION_TABLES,
  'organisation.list': ['organisation', 'person'],
  'decision.list': DECISION_TABLES,
  'decision.get': DECISION_TABLES,
  'board.list': ['board', 'membership'],
  'person.list': ['person', 'organisation'],
  'meeting.list': ['meeting', 'board', 'agenda_item'],
  'meeting.choices': ['meeting', 'board'],
  'fundingStream.list': ['funding_stream'],
  'indicator.list': ['indicator', 'framework_theme'],
  'paper.list': ['paper', 'board', 'meeting', 'agenda_item', 'person'],
};

/**
 * Marks stale every cached answer that reads one of these tables; the ones on screen are read
 * again at once, the others when next shown. `refetch: 'none'` only marks them stale: for this
 * app's own writes made elsewhere (a meeting's page adding an action), which the screen that
 * made them has shown, while a list cached for another area must not be shown out of date.
 */
export function invalidateTables(tables: Iterable<string>, refetch: 'active' | 'none' = 'active'): Promise<void> {
  const changed = new Set(tables);
  if (changed.size === 0) return Promise.resolve();
  return queryClient.invalidateQueries({
    refetchType: refetch,
    predicate: (q) => {
      const reads = READS[q.queryKey[0] as OpName];
      return reads === undefined || reads.some((t) => changed.has(t));
    },
  });
}

/**
 * A write through the API, then the answers that read what it wrote invalidated — refused or
 * not: a stale refusal means the record changed, and the screen should show it as it is now.
 */
export async function write<R>(promise: Promise<Envelope<R>>, tables: readonly string[]): Promise<R> {
  try {
    return await call(promise);
  } finally {
    await invalidateTables(tables);
  }
}

/**
 * A list read a page at a time (keyset pages: rows, total, nextCursor), cached under its
 * operation and input: the rows so far, the first page (for what it says of the whole list),
 * and loadMore for the next page while one is not already coming.
 */
export function usePagedList<K extends OpName, P extends { rows: unknown[]; total: number; nextCursor: string | null }>(name: K, input: InputOf<K>, page: (cursor: string | null) => Promise<P>) {
  const q = useInfiniteQuery({
    queryKey: opKey(name, input),
    queryFn: ({ pageParam }) => page(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last: P) => last.nextCursor,
  });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = q;
  const loadMore = useCallback(
    () => (hasNextPage && !isFetchingNextPage ? fetchNextPage({ cancelRefetch: false }) : Promise.resolve()),
    [hasNextPage, isFetchingNextPage, fetchNextPage],
  );
  const pages = q.data?.pages ?? [];
  return {
    rows: pages.flatMap((p) => p.rows as P['rows'][number][]),
    total: pages[0]?.total ?? 0,
    first: pages[0],
    loaded: q.isSuccess,
    error: q.error,
    hasMore: hasNextPage,
    loadingMore: isFetchingNextPage,
    loadMore,
  };
}
