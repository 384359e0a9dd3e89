/**
 * Paragraph numbers as a template asks for them:
 *  - 'none': no numbers;
 *  - 'continuous': every paragraph block numbered 1, 2, 3… straight through the paper,
 *    across sections (seed 000: 28 paragraphs in four sections); lists and tables inside
 *    a paragraph's run are not numbered;
 *  - 'by-section': paragraphs numbered within their section, after the section's number
 *    (1.1, 1.2, 2.1 …), the style of many council and PCC reports.
 * Returns, for each section, the label of each block (null where a block has no number).
 */
export type NumberingMode = 'none' | 'continuous' | 'by-section';

export function paragraphNumbers(mode: NumberingMode, sections: readonly { body: readonly { type: string }[] }[]): (string | null)[][] {
  let running = 0;
  return sections.map((section, s) => {
    let within = 0;
    return section.body.map((block) => {
      if (block.type !== 'paragraph' || mode === 'none') return null;
      if (mode === 'continuous') return String(++running);
      return `${s + 1}.${++within}`;
    });
  });
}
