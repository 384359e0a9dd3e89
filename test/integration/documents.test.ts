import { join } from 'node:path';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Numbering, buildDocument, dataTable, heading, labelled, paragraph, title, writeDocx } from '../../main/documents/docx';
import { addDataSheet, newWorkbook, writeXlsx } from '../../main/documents/xlsx';
import { writeFileAtomic } from '../../main/documents/atomic-write';
import { headings, libreOfficeAvailable, paragraphs, pdfText, readDocx, renderPdf, tables } from '../helpers/documents';
import { tempDir } from '../helpers/workspace';

describe('Word building blocks', () => {
  it('write real headings, repeating table headers, the marking, page x of y and en-GB properties', async () => {
    const dir = tempDir();
    const n = new Numbering();
    const doc = buildDocument(
      { title: 'Violence reduction - update', author: 'Matthew Scott', marking: 'OFFICIAL-SENSITIVE', headerText: 'Kent and Medway Police and Crime Panel', headerDate: '24 September 2019' },
      [
        [
          title('Violence reduction - update'),
          labelled('From', 'Matthew Scott, Kent Police and Crime Commissioner'),
          heading('Introduction'),
          n.numberedParagraph("The Government's Serious Violence Strategy set out its response to serious violence."),
          ...n.bullets(['tackling county lines & misuse of drugs', [{ text: 'early intervention', bold: true }, ' & prevention']]),
          heading('Funded projects', 2),
          ...dataTable(
            [{ header: 'Organisation', width: 40 }, { header: 'Project' }, { header: 'Award', align: 'right', width: 20 }],
            Array.from({ length: 60 }, (_, i) => [`Organisation ${i}\u0007`, i % 7 === 0 ? '' : 'Mini Cadets scheme in local schools', '£36,814']),
            { caption: 'Violence Reduction Fund awards, 2019/20' },
          ),
          paragraph([{ text: 'Further information', link: 'https://www.kent-pcc.gov.uk' }, ' can be viewed online.']),
        ],
      ],
    );
    const out = join(dir, 'update.docx');
    const { bytes } = await writeDocx(out, doc);
    expect(bytes).toBeGreaterThan(5000);

    const parts = await readDocx(out);
    expect(headings(parts.document)).toEqual([
      { level: 'Title', text: 'Violence reduction - update' },
      { level: 'Heading1', text: 'Introduction' },
      { level: 'Heading2', text: 'Funded projects' },
    ]);
    const [table] = tables(parts.document);
    expect(table![0]).toEqual({ header: true, cells: ['Organisation', 'Project', 'Award'] });
    expect(table).toHaveLength(61);
    expect(table![1]!.cells).toEqual(['Organisation 0', 'None', '£36,814']); // control character gone; an empty cell says None ("—" was read aloud as "em dash")
    expect(parts.document).toContain('<w:cantSplit/>');
    expect(parts.headers.join()).toContain('OFFICIAL-SENSITIVE');
    expect(parts.footers.join()).toContain('OFFICIAL-SENSITIVE');
    expect(parts.footers.join()).toMatch(/NUMPAGES/);
    expect(parts.core).toContain('<dc:title>Violence reduction - update</dc:title>');
    expect(parts.styles).toContain('w:lang w:val="en-GB"');
    expect(paragraphs(parts.document).some((p) => p.text.includes('Further information can be viewed online.'))).toBe(true);

    if (!libreOfficeAvailable) return console.log('LibreOffice not installed: rendering check skipped');
    const { pdf, pages } = renderPdf(out, dir);
    expect(pages).toBeGreaterThanOrEqual(2);
    const text = pdfText(pdf);
    expect(text).toContain('Page 1 of');
    expect(text).toContain('OFFICIAL-SENSITIVE');
    // the header row repeats on the table's second page
    expect(text.split('Organisation    ').length).toBeGreaterThan(2);
  }, 120_000);
});

describe('Word lists', () => {
  it('keep a short list together when asked (each item but the last kept with the next), and leave other lists free to break', async () => {
    const n = new Numbering();
    const out = join(tempDir(), 'lists.docx');
    const doc = buildDocument({ title: 'Lists', marking: 'OFFICIAL' }, [
      [
        paragraph('Points for the Board:', { keepNext: true }),
        ...n.bullets(['The first point.', 'The second point.'], 0, { keepTogether: true }),
        ...n.numbered(['One', 'Two', 'Three'], 0, 'lower-roman', { keepTogether: true }),
        ...n.bullets(['Free one', 'Free two']),
      ],
    ]);
    await writeDocx(out, doc);
    const xml = (await readDocx(out)).document;
    const kept = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => [paragraphs(m[0])[0]!.text, m[0].includes('<w:keepNext/>')]);
    expect(kept).toEqual([
      ['Points for the Board:', true],
      ['The first point.', true],
      ['The second point.', false],
      ['One', true],
      ['Two', true],
      ['Three', false],
      ['Free one', false],
      ['Free two', false],
    ]);
  });
});

describe('Excel building blocks', () => {
  it('write a titled, filtered, frozen data sheet with dates as dates, £ as numbers and formula-like text as text', async () => {
    const dir = tempDir();
    const wb = newWorkbook({ title: 'Action log' });
    addDataSheet(wb, {
      name: 'Actions',
      title: 'Action log — Kent & Medway VRU Strategic Board',
      columns: [
        { header: 'Action', key: 'text', type: 'text' },
        { header: 'Due', key: 'due', type: 'date' },
        { header: 'Amount', key: 'amount', type: 'pence' },
      ],
      rows: [
        { text: '=HYPERLINK("http://evil","click")', due: '2020-03-31', amount: 3681400 },
        { text: '+44 1622 677055', due: null, amount: 3412550 },
      ],
    });
    const out = join(dir, 'actions.xlsx');
    await writeXlsx(out, wb);

    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const ws = back.getWorksheet('Actions')!;
    expect(ws.getCell('A1').value).toBe('Action log — Kent & Medway VRU Strategic Board');
    expect(ws.getRow(2).values).toEqual([undefined, 'Action', 'Due', 'Amount']);
    expect(ws.getCell('A3').value).toBe('=HYPERLINK("http://evil","click")');
    expect(ws.getCell('A3').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('B3').value).toBeInstanceOf(Date);
    expect((ws.getCell('B3').value as Date).toISOString().slice(0, 10)).toBe('2020-03-31');
    expect(ws.getCell('C3').value).toBe(36814);
    expect(ws.getCell('C4').value).toBe(34125.5);
    expect(ws.getCell('C3').numFmt).toContain('£');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBeTruthy();
    expect(back.title).toBe('Action log');
  });
});

describe('atomic file writing', () => {
  it('leaves the old file whole and no temporary file behind when a write fails', () => {
    const dir = tempDir();
    const target = join(dir, 'minutes.docx');
    writeFileSync(target, 'the old minutes');
    expect(() => writeFileAtomic(join(dir, 'missing', '\0bad', 'x.docx'), 'new', '.docx')).toThrow();
    writeFileAtomic(target, 'the new minutes', '.docx');
    expect(readdirSync(dir)).toEqual(['minutes.docx']);
  });

  it('says so when the path given is a folder, and leaves nothing behind', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'Board papers'));
    expect(() => writeFileAtomic(join(dir, 'Board papers'), 'x', '.docx')).toThrow(/is a folder; add a file name/);
    expect(readdirSync(dir)).toEqual(['Board papers']);
  });
});
