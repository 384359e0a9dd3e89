import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/connection';
import { migrate, schemaVersion } from '../../main/db/migrate';
import { migrations } from '../../main/db/migrations';
import { sql } from '../../main/db/statements';
import { searchIndexCounts } from '../../main/decisions/search';
import { makeCtx } from '../../main/shared/context';
import { exportBundle } from '../../main/workspace/bundle';
import { tempDir, tempWorkspace } from '../helpers/workspace';

const T = '2020-01-01T00:00:00';

/** A workspace file as version 1 of the app left it, with a decision, a paper and minutes. */
function versionOneWorkspace(path: string): void {
  const db = new Database(path);
  migrate(db, migrations.filter((m) => m.version === 1));
  db.exec(`
    INSERT INTO board (id, name, code, created_at, updated_at) VALUES (1, 'Kent & Medway VRU Strategic Board', 'SB', '${T}', '${T}');
    INSERT INTO meeting (id, board_id, starts_at, ends_at, created_at, updated_at) VALUES (1, 1, '2020-01-23T10:00', '2020-01-23T12:00', '${T}', '${T}');
    INSERT INTO agenda_item (id, meeting_id, position, title, discussion, created_at, updated_at)
      VALUES (1, 1, 1, 'VRU Problem Profile', 'The VRU Managers presented the Problem Profile. The Board approved it.', '${T}', '${T}'),
             (2, 1, 2, 'Any other business', '', '${T}', '${T}');
    INSERT INTO decision (id, reference, board_id, meeting_id, title, text, type, created_at, updated_at)
      VALUES (1, 'SB-D-2020-001', 1, 1, 'Problem Profile approved', 'The Strategic Board approved the VRU Problem Profile and draft Response Strategy.', 'approve', '${T}', '${T}');
    INSERT INTO paper (id, reference, title, template_key, created_at, updated_at) VALUES (1, 'SB/2020/03', 'Kent Violence Reduction Unit – update', 'board-paper', '${T}', '${T}');
    INSERT INTO paper_section (id, paper_id, position, key, heading, body_json) VALUES
      (1, 1, 1, 'progress-to-date', 'Progress to date',
       '[{"type":"paragraph","text":"The following activities have been delivered:"},{"type":"numbered","style":"lower-roman","items":["Preventative measures: CSP funding for knife detection equipment"]},{"type":"table","columns":["Project","Amount"],"rows":[["Mini Cadets",[{"text":"£36,814","bold":true}]]]}]');
  `);
  expect(schemaVersion(db)).toBe(1);
  db.close();
}

describe('the search migration (002), from a version-1 workspace', () => {
  it('indexes the decisions, paper sections and minutes already there, and only their text', () => {
    const path = join(tempDir(), 'v1.db');
    versionOneWorkspace(path);
    const db = openDatabase(path); // runs the pending migrations
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(2);
    const rows = db.prepare(`SELECT kind, ref_id, title, body FROM search_index ORDER BY rowid`).all() as { kind: string; ref_id: number; title: string; body: string }[];
    expect(rows.map((r) => [r.kind, r.ref_id])).toEqual([['decision', 1], ['paper', 1], ['minutes', 1]]);
    expect(rows[1]!.title).toBe('SB/2020/03 Kent Violence Reduction Unit – update — Progress to date');
    // Block text, list items and table cells — not the block types, styles or column keys.
    expect(rows[1]!.body).toBe('The following activities have been delivered: Preventative measures: CSP funding for knife detection equipment Project Amount Mini Cadets £36,814');
    const hit = db.prepare(`SELECT snippet(search_index, 3, '[', ']', '…', 8) AS s FROM search_index WHERE search_index MATCH 'knife'`).get() as { s: string };
    expect(hit.s).toContain('[knife]');
    db.close();
  });

  it('keeps the index in step as decisions, papers and minutes change', () => {
    const path = join(tempDir(), 'v1.db');
    versionOneWorkspace(path);
    const db = openDatabase(path);
    const find = (q: string) => (db.prepare(`SELECT kind, ref_id FROM search_index WHERE search_index MATCH ? ORDER BY rowid`).all(q) as { kind: string; ref_id: number }[]).map((r) => `${r.kind}:${r.ref_id}`);
    db.prepare(`UPDATE decision SET text = 'Deferred to the March meeting for costings.' WHERE id = 1`).run();
    expect(find('costings')).toEqual(['decision:1']);
    expect(find('draft')).toEqual([]);
    db.prepare(`UPDATE paper SET title = 'VRU progress' WHERE id = 1`).run();
    expect((db.prepare(`SELECT title FROM search_index WHERE kind = 'paper'`).get() as { title: string }).title).toBe('SB/2020/03 VRU progress — Progress to date');
    db.prepare(`UPDATE agenda_item SET discussion = 'No other business was raised.' WHERE id = 2`).run();
    expect(find('raised')).toEqual(['minutes:2']);
    db.prepare(`UPDATE agenda_item SET discussion = '' WHERE id = 2`).run();
    expect(find('raised')).toEqual([]);
    db.prepare(`DELETE FROM paper_section WHERE id = 1`).run();
    db.prepare(`DELETE FROM decision WHERE id = 1`).run();
    expect(find('knife OR costings')).toEqual([]);
    db.close();
  });
});

describe('search over decisions, papers and minutes', () => {
  it('is filled as a bundle is imported (the demo), left out of exported bundles, and can be rebuilt', async () => {
    const ws = await tempWorkspace();
    await ws.call('workspace.loadDemo');
    const ctx = makeCtx(ws.store, 'test');
    const counts = await searchIndexCounts(ctx);
    expect(counts.indexed).toBe(counts.expected);
    expect(counts.indexed).toBeGreaterThan(10);
    expect(Object.keys((await exportBundle(ctx)).tables).filter((t) => t.startsWith('search'))).toEqual([]);
    await ws.store.write((trx) => sql({ db: trx, engine: ws.engine }, `DELETE FROM search_index`).run());
    expect(await ws.call('search.rebuild')).toEqual({ indexed: counts.expected });
  });

  it('finds words across all three, with the matches marked, and treats typed operators as words', async () => {
    const ws = await tempWorkspace();
    await ws.call('workspace.loadDemo');
    const hits = await ws.call('search.query', { q: 'problem profile' });
    expect([...new Set(hits.map((h) => h.kind))].sort()).toEqual(['decision', 'minutes', 'paper']);
    const decision = hits.find((h) => h.kind === 'decision')!;
    expect(decision.title).toBe('SB-D-2020-001 VRU Problem Profile and draft Response Strategy approved');
    expect(decision.snippet.filter((p) => p.match).map((p) => p.text.toLowerCase())).toEqual(['problem', 'profile']);
    const minutes = hits.find((h) => h.kind === 'minutes')!;
    expect(minutes).toMatchObject({ meetingId: 2, date: '2020-01-23' });
    const paper = hits.find((h) => h.kind === 'paper' && h.sectionKey === 'next-steps')!;
    expect(paper).toMatchObject({ paperId: 1, sectionKey: 'next-steps' });

    // Stemming: "approaches" finds "approach"; a prefix as you type: "Desist" finds "Desistance".
    expect((await ws.call('search.query', { q: 'Desist' })).map((h) => h.sectionKey)).toEqual(['decision-required']);
    expect((await ws.call('search.query', { q: 'knife', kinds: ['decision'] }))).toEqual([]);
    // FTS5 syntax in the box is just text, not an error.
    for (const q of ['"unbalanced', 'NEAR(', 'knife AND', '*', 'a:b', '']) expect(Array.isArray(await ws.call('search.query', { q }))).toBe(true);
  });
});
