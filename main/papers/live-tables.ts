import { performanceTable } from '../performance/table-block';
import type { Ctx } from '../shared/context';
import { LIVE_SOURCE_LABELS, type LiveSource, type PaperBlock } from './blocks';
import type { LiveTableResult } from './contract';

/**
 * Live tables: a block that names a source of the workspace's own data (the funded
 * projects of a funding stream, the performance scorecard) and is filled in when the paper
 * is exported, so the figures are those of the day it goes out. The areas that own the
 * data build the rows; this file only looks the builder up. Where an area does not offer
 * its table (yet), the paper says so in a plain sentence instead of showing stale or
 * invented figures.
 */
export type LiveTableBuilder = (ctx: Ctx, params: Record<string, string>) => Promise<LiveTableResult>;

const builders: Partial<Record<LiveSource, LiveTableBuilder>> = {
  // The performance area offers its scorecard as a table (main/performance/table-block.ts).
  'performance.scorecard': async (ctx, params) => {
    const { caption, columns, rows, source } = await performanceTable(ctx, params);
    return { ok: true, table: { caption, columns, rows, source } };
  },
};

/** For an area to offer its table (called once, where the area's service is loaded). */
export function registerLiveTable(source: LiveSource, builder: LiveTableBuilder): void {
  builders[source] = builder;
}

export async function resolveLiveTable(ctx: Ctx, block: Extract<PaperBlock, { type: 'live' }>): Promise<LiveTableResult> {
  const builder = builders[block.source];
  if (!builder) {
    const owner = block.source.startsWith('funding.') ? 'funding' : 'performance';
    return { ok: false, reason: `the ${owner} area does not provide the table “${LIVE_SOURCE_LABELS[block.source]}” yet` };
  }
  try {
    return await builder(ctx, block.params);
  } catch (err) {
    const why = err instanceof Error && err.name === 'DomainError' ? err.message : 'its figures could not be read';
    return { ok: false, reason: why };
  }
}

/** The sentence a paper shows where a live table cannot be filled. */
export function unavailableText(reason: string): string {
  return `Live table unavailable: ${reason}.`;
}
