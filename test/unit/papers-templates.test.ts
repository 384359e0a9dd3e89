import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTemplate, loadTemplates } from '../../main/papers/templates';
import { tempDir } from '../helpers/workspace';

describe('paper templates (templates/papers/*.json)', () => {
  it('include the board paper with the eight sections of seed 004, in order', () => {
    const t = findTemplate('board-paper');
    expect(t.sections.map((s) => s.heading)).toEqual([
      'Introduction', 'Essential Background', 'Progress to date', 'Barriers to successful implementation',
      'Timescales and costs', 'Next Steps', 'Decision Required', 'Recommendation',
    ]);
  });

  it('include the panel report with a From / To / Subject / Date block and continuous numbering', () => {
    const t = findTemplate('panel-report');
    expect(t.header.map((h) => h.label)).toEqual(['From', 'To', 'Subject', 'Date']);
    expect(t.numbering).toBe('continuous');
    expect(findTemplate('decision-notice').signatures).toContain('Chief Finance Officer');
  });

  it('report a malformed template by file and problem, and still load the others', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.json'), JSON.stringify({ key: 'good', name: 'Good', numbering: 'none', sections: [{ key: 'intro', heading: 'Introduction' }] }));
    writeFileSync(join(dir, 'broken.json'), '{ "key": "broken", ');
    writeFileSync(join(dir, 'wrong.json'), JSON.stringify({ key: 'wrong', name: 'Wrong', numbering: 'roman', sections: [] }));
    writeFileSync(join(dir, 'twice.json'), JSON.stringify({ key: 'twice', name: 'Twice', numbering: 'none', sections: [{ key: 'a', heading: 'A' }, { key: 'a', heading: 'B' }] }));
    const { templates, problems } = loadTemplates(dir);
    expect(templates.map((t) => t.key)).toEqual(['good']);
    expect(problems.map((p) => p.file).sort()).toEqual(['broken.json', 'twice.json', 'wrong.json']);
    expect(problems.find((p) => p.file === 'broken.json')!.message).toMatch(/not valid JSON/);
    expect(problems.find((p) => p.file === 'wrong.json')!.message).toMatch(/numbering must be none, continuous or by-section/);
    expect(problems.find((p) => p.file === 'twice.json')!.message).toMatch(/"a" is used by two sections/);
    expect(() => findTemplate('missing', dir)).toThrow(/no paper template called "missing"/);
  });
});
