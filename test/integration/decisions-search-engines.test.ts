import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../main/decisions/search';
import { tempWorkspace } from '../helpers/workspace';

/**
 * The same searches of the demo workspace give the same hits on SQLite (FTS5) and on
 * PostgreSQL (tsvector): this file runs on both vitest projects against one list. The two
 * rank differently past the clearest hit (bm25 weighs a section's length, ts_rank does not),
 * so the list holds each search's hits as a set, and its top hit with its excerpt.
 */
const key = (h: SearchHit) => `${h.kind}:${h.refId}`;
const marked = (h: SearchHit) => h.snippet.map((p) => (p.match ? `[${p.text}]` : p.text)).join('');

const expected: { q: string; hits: string[]; top: string; excerpt: string }[] = [
  {
    q: 'problem profile',
    hits: ['decision:1', 'minutes:9', 'paper:11', 'paper:6'],
    top: 'minutes:9',
    excerpt: 'The VRU Managers presented the VRU [Problem] [Profile] and draft Response Strategy. The Board approved them.',
  },
  {
    q: 'knife',
    hits: ['paper:10', 'paper:11', 'paper:2', 'paper:3', 'paper:9'],
    top: 'paper:2',
    excerpt: '…Reduction in A&E admissions due to [knife] related assaults (victim under 25) Reduction in reported…',
  },
  {
    // A prefix as the person types, and stemming behind it.
    q: 'Desist',
    hits: ['paper:7'],
    top: 'paper:7',
    excerpt: '…those involved in serious violence. These are: [Desistance] Theory Learning from NACRO’s ‘Beyond Youth Custody…',
  },
  {
    q: 'county lines',
    hits: ['paper:10', 'paper:11', 'paper:3', 'paper:6', 'paper:9'],
    top: 'paper:6',
    excerpt: '…posed by those involved with gangs and [county] [lines] and serious violence as well as interventions…',
  },
  {
    q: 'early intervention',
    hits: ['paper:10', 'paper:11'],
    top: 'paper:11',
    excerpt: '…[Early] [interventions] provided by the outreach service are likely to include mentoring and evidence based [intervention]…',
  },
  {
    q: 'approaches',
    hits: ['decision:2', 'paper:10', 'paper:11', 'paper:2', 'paper:3', 'paper:6', 'paper:7', 'paper:8'],
    top: 'decision:2',
    excerpt: 'The Community Safety Partnership is asked to support the [approaches] identified by the VRU and to…',
  },
  {
    // A closing ’ is not part of the marked word on either engine.
    q: 'schools',
    hits: ['paper:10', 'paper:11', 'paper:3'],
    top: 'paper:3',
    excerpt: '',
  },
  {
    // A hyphenated reference is its parts in a row: found in the title, nothing marked in the text ("d" is not a prefix of "draft").
    q: 'SB-D-2020',
    hits: ['decision:1', 'decision:2'],
    top: 'decision:1',
    excerpt: 'The Strategic Board approved the VRU Problem Profile and draft Response Strategy.',
  },
  { q: 'café', hits: [], top: '', excerpt: '' },
];

/** Hits on the demo (limit 100) for searches of common words, the same on both engines. */
const COMMON_WORD_HITS: Record<string, number> = { the: 20, of: 13, and: 18, 'board of': 2, 'A&E': 1 };

describe('search gives the same hits on either engine', () => {
  it('finds the same decisions, paper sections and minutes in the demo, with the same top hit and excerpt', async () => {
    const ws = await tempWorkspace();
    await ws.call('workspace.loadDemo');
    for (const want of expected) {
      const hits = await ws.call('search.query', { q: want.q });
      expect({ q: want.q, hits: hits.map(key).sort() }).toEqual({ q: want.q, hits: want.hits });
      if (!want.top) continue;
      expect({ q: want.q, top: key(hits[0]!) }).toEqual({ q: want.q, top: want.top });
      if (want.excerpt) expect(marked(hits[0]!)).toBe(want.excerpt);
    }
    const schools = (await ws.call('search.query', { q: 'schools' })).flatMap((h) => h.snippet.filter((p) => p.match).map((p) => p.text.toLowerCase()));
    expect(new Set(schools)).toEqual(new Set(['schools']));

    // Each kind alone, and the decisions log's own search over the same index.
    expect((await ws.call('search.query', { q: 'approaches', kinds: ['decision'] })).map(key)).toEqual(['decision:2']);
    expect((await ws.call('search.query', { q: 'problem profile', kinds: ['minutes', 'decision'] })).map(key).sort()).toEqual(['decision:1', 'minutes:9']);
    expect((await ws.call('decision.list', { search: 'strategy' })).rows.map((d) => d.reference)).toEqual(['SB-D-2020-001']);
    expect((await ws.call('decision.list', { search: 'SB-D-2020' })).rows.map((d) => d.reference)).toEqual(['SB-D-2020-002', 'SB-D-2020-001']);

    // Common words are indexed on both (FTS5 keeps them; board_search has no stop words).
    const counts: Record<string, number> = {};
    for (const q of ['the', 'of', 'and', 'board of', 'A&E']) counts[q] = (await ws.call('search.query', { q, limit: 100 })).length;
    expect(counts).toEqual(COMMON_WORD_HITS);
  });
});
