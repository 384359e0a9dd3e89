import { describe, expect, it } from 'vitest';
import { blocksSchema, blockLines, cleanBlocks, cleanRichText, hasContent, roman, type PaperBlock } from '../../main/papers/blocks';
import { allowedStatuses, canMove } from '../../main/papers/paper-status';
import { paragraphNumbers } from '../../main/papers/paragraph-numbering';
import { missingRequiredSections, nameList } from '../../main/papers/required-sections';
import { compareSections, diffSequences } from '../../main/papers/version-diff';

const para = (text: string): PaperBlock => ({ type: 'paragraph', text });
const bullets = (...items: string[]): PaperBlock => ({ type: 'bullets', items });

describe('paragraph numbering', () => {
  // Seed 000's shape: 3 paragraphs, then a paragraph with four bullets and 6 more, …
  const sections = [
    { body: [para('1'), para('2'), para('3')] },
    { body: [para('4'), bullets('a', 'b', 'c', 'd'), para('5'), para('6'), para('7'), bullets('x')] },
    { body: [para('8')] },
  ];

  it('runs on across sections, 1, 2, 3…, and leaves lists unnumbered (the panel report)', () => {
    expect(paragraphNumbers('continuous', sections)).toEqual([['1', '2', '3'], ['4', null, '5', '6', '7', null], ['8']]);
  });

  it('numbers by section, 1.1, 1.2, 2.1…, for reports that do', () => {
    expect(paragraphNumbers('by-section', sections)).toEqual([['1.1', '1.2', '1.3'], ['2.1', null, '2.2', '2.3', '2.4', null], ['3.1']]);
  });

  it('numbers nothing when the template does not ask', () => {
    expect(paragraphNumbers('none', sections).flat().every((n) => n === null)).toBe(true);
  });
});

describe('required sections', () => {
  const template = {
    sections: [
      { key: 'introduction', heading: 'Introduction', required: true, guidance: '' },
      { key: 'barriers', heading: 'Barriers to successful implementation', required: false, guidance: '' },
      { key: 'decision-required', heading: 'Decision Required', required: true, guidance: '' },
      { key: 'recommendation', heading: 'Recommendation', required: true, guidance: '' },
    ],
  };

  it('names each required section that is empty or missing, and not the optional ones', () => {
    const warnings = missingRequiredSections(template, [
      { key: 'introduction', heading: 'Introduction', body: [para('This paper is included to brief…')] },
      { key: 'barriers', heading: 'Barriers to successful implementation', body: [] },
      { key: 'decision-required', heading: 'Decision Required', body: [para('   '), bullets()] },
    ]);
    expect(warnings.map((w) => w.message)).toEqual(['The required section "Decision Required" is empty.', 'The required section "Recommendation" is missing.']);
    expect(warnings.map((w) => w.field)).toEqual(['sections.decision-required', 'sections.recommendation']);
  });

  it('counts a live table as content', () => {
    expect(hasContent([{ type: 'live', source: 'funding.awards', params: {} }])).toBe(true);
  });

  it('joins names as a sentence does', () => {
    expect(nameList(['Introduction'])).toBe('Introduction');
    expect(nameList(['Decision Required', 'Recommendation'])).toBe('Decision Required and Recommendation');
    expect(nameList(['A', 'B', 'C'])).toBe('A, B and C');
  });
});

describe('paper status', () => {
  it('goes draft → for review → final, back to draft from review, and reopens a final paper as a draft', () => {
    expect(allowedStatuses('draft')).toEqual(['for_review']);
    expect(allowedStatuses('for_review')).toEqual(['draft', 'final']);
    expect(canMove('final', 'draft')).toBe(true);
    expect(canMove('draft', 'final')).toBe(false);
  });
});

describe('text pasted from Word', () => {
  it('loses control characters, zero-width spaces, soft hyphens and Symbol-font bullets, and keeps the words', () => {
    expect(cleanRichText('Violence\u0007 Reduction\u200b Unit\u00ad')).toBe('Violence Reduction Unit');
    expect(cleanRichText('\uf0b7 Desistance Theory')).toBe('Desistance Theory');
    expect(cleanRichText('line one\r\nline two\tand a tab')).toBe('line one line two and a tab');
    // An unpaired surrogate would make the .docx unreadable.
    expect(cleanRichText('Kent \ud83d Police')).toBe('Kent Police');
  });

  it('keeps bold, italic and web links, joins spans with the same format, and drops unsafe links', () => {
    expect(cleanRichText([{ text: 'The ' }, { text: 'Board', bold: true }, { text: ' is ', bold: false }, { text: 'asked', bold: false }])).toEqual(['The ', { text: 'Board', bold: true }, ' is asked']);
    expect(cleanRichText([{ text: 'here', link: 'javascript:alert(1)' }])).toBe('here');
    expect(cleanRichText([{ text: 'here', link: 'https://www.kent-pcc.gov.uk/' }])).toEqual([{ text: 'here', link: 'https://www.kent-pcc.gov.uk/' }]);
  });

  it('keeps paragraphs and lists, drops empty ones and typed bullet marks, and keeps Arabic joiners', () => {
    const cleaned = cleanBlocks([
      para('\u00a0'),
      para('The public health approach is an all systems model which:'),
      bullets('• Brings together agencies & communities', 'o  Identifies drivers', '', '\u00a0'),
      { type: 'numbered', style: 'lower-roman', items: ['Commissioned services', '   '] },
      para('محمد\u200dعلي'),
    ]);
    expect(cleaned).toEqual([
      para('The public health approach is an all systems model which:'),
      bullets('Brings together agencies & communities', 'Identifies drivers'),
      { type: 'numbered', style: 'lower-roman', items: ['Commissioned services'] },
      para('محمد\u200dعلي'),
    ]);
  });

  it('refuses what is not a block, naming the problem', () => {
    const bad = blocksSchema.safeParse([{ type: 'heading', text: 'x' }]);
    expect(bad.success).toBe(false);
    const table = blocksSchema.safeParse([{ type: 'table', columns: [], rows: [] }]);
    expect(table.success).toBe(false);
    expect(table.error!.issues[0]!.message).toBe('a table needs at least one column');
  });

  it('pads a table row short of cells and drops empty rows', () => {
    expect(cleanBlocks([{ type: 'table', columns: ['Project', 'Amount'], rows: [['Mini Cadets'], ['', ''], ['Forward Trust', '£34,125', 'extra']] }])).toEqual([
      { type: 'table', columns: ['Project', 'Amount'], rows: [['Mini Cadets', ''], ['Forward Trust', '£34,125']] },
    ]);
  });
});

describe('lists as lines of text', () => {
  it('writes lower-roman markers as seed 004 does', () => {
    expect(roman(1)).toBe('i');
    expect(roman(4)).toBe('iv');
    expect(roman(9)).toBe('ix');
    expect(blockLines({ type: 'numbered', style: 'lower-roman', items: ['Commissioned services', 'Community engagement'] })).toEqual(['i) Commissioned services', 'ii) Community engagement']);
  });
});

describe('comparing versions', () => {
  it('finds the longest common subsequence', () => {
    const ops = diffSequences(['a', 'b', 'c', 'd'], ['a', 'c', 'd', 'e']);
    expect(ops.map((o) => `${o.op[0]}${o.value}`)).toEqual(['sa', 'rb', 'sc', 'sd', 'ae']);
  });

  it('reports, per section, lines kept, added, removed and changed word by word', () => {
    const before = [
      { key: 'introduction', heading: 'Introduction', body: [para('A decision is sought as to the future alignment of the VRU.')] },
      { key: 'timescales', heading: 'Timescales and costs', body: [para('The programme is within budget and timescale for 2019/2020.')] },
      { key: 'old', heading: 'Old section', body: [para('Gone.')] },
    ];
    const after = [
      { key: 'introduction', heading: 'Introduction', body: [para('A decision is sought as to the future alignment of the VRU.')] },
      { key: 'timescales', heading: 'Timescales and costs', body: [para('The programme is within budget for 2019/2020.'), bullets('Underspend: none')] },
      { key: 'new', heading: 'New section', body: [para('Added.')] },
    ];
    const changes = compareSections(before, after);
    expect(changes.map((c) => [c.key, c.change])).toEqual([['introduction', 'unchanged'], ['timescales', 'changed'], ['new', 'added'], ['old', 'removed']]);
    const t = changes[1]!;
    expect(t.lines.map((l) => l.op)).toEqual(['changed', 'added']);
    expect(t.lines[0]!.words!.filter((w) => w.op === 'removed').map((w) => w.value.trim()).filter(Boolean)).toEqual(['and', 'timescale']);
    expect(t.lines[1]!.text).toBe('• Underspend: none');
  });
});

describe('table column widths', () => {
  it('give each column room for its longest word, and the rest by how much it holds', async () => {
    const { columnWidths } = await import('../../main/papers/paper-docx');
    const widths = columnWidths(['Organisation', 'Project', 'Tier', 'Award'], [
      ['Kent Police', 'To deliver a Mini Cadets scheme in local schools, building on the successful Volunteer Police Cadets scheme.', 'Primary', '£36,814'],
      ['Rising Sun & Choices', 'To provide support for girls aged 11-16 who are at risk of sexual exploitation.', 'Secondary', '£35,000'],
    ]);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
    // "Organisation" (12 characters) and "Secondary" (9) fit on one line: 12 × 7.2 pt + 12 pt of a 470 pt line.
    expect(widths[0]).toBeGreaterThanOrEqual(((12 * 7.2 + 12) / 470) * 100 - 0.1);
    expect(widths[2]).toBeGreaterThanOrEqual(((9 * 7.2 + 12) / 470) * 100 - 0.1);
    // The long descriptions get the most room.
    expect(widths[1]).toBe(Math.max(...widths));
  });
});
