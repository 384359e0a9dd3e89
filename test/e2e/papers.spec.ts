import type { Locator, Page } from '@playwright/test';
import type { Envelope, InputOf, OpName, ResultOf } from '../../main/api/contract';
import { headings, paragraphs, readDocx } from '../helpers/documents';
import { agendaClaims, pagesText, pdfOutline, pdfPageCount, pdfPages, printedRanges } from '../helpers/pdf-read';
import { download, expect, screenshot, test, type TestWorkspace } from './fixtures';

async function apiCall<K extends OpName>(page: Page, workspace: TestWorkspace, name: K, input: InputOf<K>): Promise<ResultOf<K>> {
  const res = await page.request.post(`${workspace.bridge.url}api/${name}`, { data: input });
  const envelope = (await res.json()) as Envelope<ResultOf<K>>;
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
  return envelope.value;
}

type Part = { p: string } | { bullets: string[] } | { roman: string[] };

/** Seed 004, section by section, as the author types it (the PDF's line breaks joined). */
const SEED_004: [string, Part[]][] = [
  [
    'Introduction',
    [
      { p: 'This paper is included to brief the Community Safety Partnership on the status of the Kent Violence Reduction Unit (VRU) and provide an oversight of the unit’s strategic ambitions and planned activity for the current and anticipated grant periods.' },
      { p: 'A decision is sought as to the future alignment of the VRU.' },
    ],
  ],
  [
    'Essential Background',
    [
      { p: 'In Summer 2019, the Kent OPCC was one of 18 police areas granted a share of the £35m Serious Violence Fund. Kent were allocated £1.16m to create a VRU.' },
      { p: 'Violence Reduction Units were originally established in Glasgow and Cardiff and have taken a long term, “public health” approach to reducing violence. The public health approach is an all systems model which:' },
      {
        bullets: [
          'Brings together agencies & communities to tackle violence by understanding root causes,',
          'Identifies drivers of serious violence and implanting a co-ordinated response to tackle them,',
          'Uses evidence- based practice and OSARA problem solving to achieve its objectives.',
        ],
      },
      { p: 'The Home Office defined the following critical success factors for all VRUs:' },
      {
        bullets: [
          'Reduction in A&E admissions due to knife related assaults (victim under 25)',
          'Reduction in reported knife related assaults (victim under 25)',
          'Reduction in knife related murder rate (victim under 25, excluding domestic homicides)',
        ],
      },
      { p: 'The bidding window is currently open for 2020/21 with the opportunity to bid for a grant of £1.16m.' },
    ],
  ],
  [
    'Progress to date',
    [
      { p: 'The Strategic Board, chaired by the PCC with membership including Kent Police, Kent County Council, Medway Council, Kent Fire & Rescue, NHS and Probation, was established in October 2019. The Board has oversight of the strategic objectives and holds the VRU Managers to account.' },
      { p: 'VRU Managers, DCI Ben Loose and Mark Powell, KCC Youth Justice Manager took up post in November 2019, setting out the Kent VRUs strategy and ambitions based on a 5P approach.' },
      { p: '5 VRU Co-Ordinators and 4 VRU Analysts from across the partnership are in post since January 2020.' },
      { p: 'The scope of the initial programme was reviewed to ensure that activities were deliverable within the funding period and that intervention opportunities were maximised. The following activities have been delivered in the initial period:' },
      {
        roman: [
          'Commissioned services: 18 existing services across Kent and Medway which provide support / intervention / diversion for young people involved in violence have been granted additional funding to improve scope and reach.',
          'Community engagement: Hackathon event bringing together professionals and young people to problem solve serious youth violence. Yr 8 /9 schools’ preventative event.',
          'Professional development: public health conference for professionals around trauma informed practice and ACEs',
          'Preventative measures: CSP funding for knife detection equipment, rapid deployment CCTV and trauma packs, along with a trauma pack education event.',
          'Media: delivery of social & traditional media campaign via Fearless and Crimestoppers.',
        ],
      },
      { p: 'The VRU leads chair a multi-agency tactical group to ensure co-ordination of activity and information sharing between violence reduction initiatives in Kent and Medway (Margate / Medway Task Forces, Gangs / County Lines enforcement, Probation, Youth Offending and other centrally funded projects).' },
    ],
  ],
  [
    'Barriers to successful implementation',
    [{ p: 'The initial short-term funding window meant long-term elements were removed from the programme, for example, a multi-agency case management system could not be procured in the timeframe however options are being considered for 2020/21.' }],
  ],
  ['Timescales and costs', [{ p: 'The programme is within budget and timescale for 2019/2020.' }]],
  [
    'Next Steps',
    [
      { p: 'The VRU Problem Profile & draft Response has been presented to the Strategic Board and approved.' },
      { p: 'For 2020/2021 areas of focus will be expanded to include “Primary, Secondary and Tertiary” interventions designed to challenge the risk posed by those involved with gangs and county lines and serious violence as well as interventions to support those susceptible to these risks in the long term.' },
      { p: 'The scope of the VRU analytic product will be reviewed to establish how we understand and quantify some of the unknown risks (such as county line related violence).' },
      { p: 'The VRU data-set is being developed to include crucial public health data that will enable us to better understand the context of and possible preventative measures for serious violence in Kent.' },
      { p: 'The VRU will work closely with Kent and Medway Authorities, National Probation Service and the 13 Community Safety Partnerships to develop local approaches to both understanding and tackling public-place violence.' },
      { p: 'A communications and media strategy will be developed to take advantage of traditional and social media to communicate key messages to target audiences in conjunction with Thanet, Medway and Maidstone Task Forces.' },
      { p: 'Membership and structure of the VRU will be reviewed to ensure that efficient and effective activity that supports and enhances delivery of violence reduction initiatives across Kent and Medway and is supported by a clear performance framework that supports partners’ strategic ambitions.' },
    ],
  ],
  [
    'Decision Required',
    [
      { p: 'The Kent & Medway VRU has worked with the Public Health Observatory to identify the approaches which, based on research, are most likely to deliver positive outcomes for those involved in serious violence. These are:' },
      { bullets: ['Desistance Theory', 'Learning from NACRO’s ‘Beyond Youth Custody’ research project', 'World Health Organisation’s work on violence prevention'] },
      { p: 'The presentation to the Community Safety Partnership will provide more information on the approaches which are identified within the research.' },
      { p: 'The VRU has agreed with the Kent Youth Justice Board that these approaches will be used to inform any work carried out by Youth Justice within Kent. Initiatives which do not reflect the learning from the research will not be supported by the County Youth Justice Board.' },
    ],
  ],
  ['Recommendation', [{ p: 'The Community Safety Partnership is asked to support the approaches identified by the VRU and to include these within any initiatives around violence prevention.' }]],
];

/** Types a section as a person would: paragraphs with Enter between, lists started from the toolbar and left with a second Enter. */
async function typeSection(page: Page, section: Locator, parts: Part[]) {
  const editor = section.getByRole('textbox');
  await editor.click();
  for (const [i, part] of parts.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    if ('p' in part) {
      // The first words are typed key by key; the rest goes in as one input, as a fast typist's would.
      await page.keyboard.type(part.p.slice(0, 12));
      await page.keyboard.insertText(part.p.slice(12));
      continue;
    }
    const items = 'bullets' in part ? part.bullets : part.roman;
    await section.getByRole('button', { name: 'bullets' in part ? '• List' : 'i) List' }).click();
    for (const [j, item] of items.entries()) {
      if (j > 0) await page.keyboard.press('Enter');
      await page.keyboard.insertText(item);
    }
    await page.keyboard.press('Enter'); // an empty item ends the list
  }
}

test('seed 004 typed into the Board paper template, autosaved, and exported to Word with its eight headings and text', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Papers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Papers' })).toBeVisible();
  await expect(page.getByRole('row', { name: /SB\/2020\/03/ })).toBeVisible();
  await screenshot(page, 'papers-01-list');

  await page.getByRole('link', { name: 'New paper' }).first().click();
  await page.getByLabel('Template').selectOption({ label: 'Board paper' });
  await page.getByLabel('Title').fill('Kent Violence Reduction Unit – update (typed)');
  await page.getByLabel('Board').selectOption({ label: 'Kent & Medway VRU Strategic Board' });
  await page.getByLabel('Meeting').selectOption({ label: 'SB 19 Mar 2020' });
  await expect(page.getByLabel('Reference')).toHaveValue('SB/2020/04'); // the next free reference of the meeting's year
  await page.getByLabel('Agenda item').selectOption({ label: '4. Kent Violence Reduction Unit – update' });
  await page.getByRole('button', { name: 'Create paper' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'SB/2020/04 Kent Violence Reduction Unit – update (typed)' })).toBeVisible();
  const sectionHeadings = page.locator('.paper-section h2');
  await expect(sectionHeadings).toHaveCount(8);
  await expect(page.getByText('The required section "Introduction" is empty.')).toBeVisible();

  for (const [heading, parts] of SEED_004) {
    const section = page.getByRole('region', { name: new RegExp(`^${heading.replace(/[()]/g, '.')}`) });
    await typeSection(page, section, parts);
  }
  await expect(page.getByTestId('save-state')).toContainText('Saved at', { timeout: 15_000 });
  await expect(page.getByText('Before the paper goes out')).toBeHidden();
  await screenshot(page, 'papers-02-editor-typed');

  // What was saved is what was typed: lists as lists, i) ii) as lower-roman.
  const paper = (await apiCall(page, workspace, 'paper.list', { search: 'SB/2020/04' })).rows.find((p) => p.reference === 'SB/2020/04')!;
  const saved = await apiCall(page, workspace, 'paper.get', { id: paper.id });
  expect(saved.sections.find((s) => s.key === 'progress-to-date')!.body.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph', 'numbered', 'paragraph']);
  expect(saved.sections.find((s) => s.key === 'progress-to-date')!.body[4]).toMatchObject({ type: 'numbered', style: 'lower-roman' });
  expect(saved.sections.find((s) => s.key === 'decision-required')!.body[1]).toEqual({ type: 'bullets', items: (SEED_004[6]![1][1] as { bullets: string[] }).bullets });

  // Export, as the user does: the browser downloads it under the paper's reference and title.
  await page.getByRole('button', { name: 'Export to Word' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export to Word' });
  await expect(dialog.locator('.export-file-name')).toHaveText('SB-2020-04 Kent Violence Reduction Unit – update (typed).docx');
  const out = await download(page, dialog.getByRole('button', { name: 'Export', exact: true }), workspace.dir);
  expect(out.name).toBe('SB-2020-04 Kent Violence Reduction Unit – update (typed).docx');
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded SB-2020-04 ' })).toHaveText(/^Downloaded SB-2020-04 Kent Violence Reduction Unit – update \(typed\)\.docx \(\d+ KB\)\.$/);

  const parts = await readDocx(out.path);
  expect(headings(parts.document)).toEqual([
    { level: 'Title', text: 'Kent Violence Reduction Unit – update (typed)' },
    ...SEED_004.map(([text]) => ({ level: 'Heading1', text })),
  ]);
  const texts = paragraphs(parts.document).map((p) => p.text);
  for (const [, sectionParts] of SEED_004) {
    for (const part of sectionParts) for (const text of 'p' in part ? [part.p] : 'bullets' in part ? part.bullets : part.roman) expect(texts).toContain(text);
  }
});

test('text pasted from Word keeps its paragraphs and lists and loses its styles; a status change keeps a version that can be compared', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  const created = await apiCall(page, workspace, 'paper.create', { templateKey: 'board-paper', reference: 'SB/2020/05', title: 'Pasted from Word' });
  await page.goto(`${workspace.bridge.url}#/papers/${created.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'SB/2020/05 Pasted from Word' })).toBeVisible();

  // What Word puts on the clipboard: MsoNormal paragraphs, list paragraphs with their own bullet glyphs, o:p, styles.
  const wordHtml = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{font-family:Calibri}</style></head><body>
    <!--StartFragment--><p class=MsoNormal style='margin-bottom:0cm;font-family:"Arial",sans-serif;color:#1F3864'>The Home Office defined the following <b>critical success factors</b> for all VRUs:<o:p></o:p></p>
    <p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-list:Ignore'>\uf0b7<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>Reduction in A&amp;E admissions due to knife related assaults (victim under 25)<o:p></o:p></p>
    <p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-list:Ignore'>\uf0b7<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>Reduction in reported knife related assaults (victim under 25)<o:p></o:p></p>
    <p class=MsoListParagraphCxSpFirst style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>i)<span>&nbsp;&nbsp; </span></span>Commissioned services\u0007<o:p></o:p></p>
    <p class=MsoListParagraphCxSpLast style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>ii)<span>&nbsp;&nbsp; </span></span>Community engagement<o:p></o:p></p>
    <p class=MsoNormal><span style='font-size:14pt'>The bidding window is currently open.</span><o:p>&nbsp;</o:p></p><!--EndFragment--></body></html>`;
  const editor = page.getByRole('textbox', { name: 'Essential Background text' });
  await editor.click();
  await editor.evaluate((el, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'The Home Office defined the following critical success factors for all VRUs:');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, wordHtml);
  await expect(page.getByTestId('save-state')).toContainText('Saved at');
  const detail = await apiCall(page, workspace, 'paper.get', { id: created.id });
  expect(detail.sections.find((s) => s.key === 'essential-background')!.body).toEqual([
    { type: 'paragraph', text: ['The Home Office defined the following ', { text: 'critical success factors', bold: true }, ' for all VRUs:'] },
    { type: 'bullets', items: ['Reduction in A&E admissions due to knife related assaults (victim under 25)', 'Reduction in reported knife related assaults (victim under 25)'] },
    { type: 'numbered', style: 'lower-roman', items: ['Commissioned services', 'Community engagement'] },
    { type: 'paragraph', text: 'The bidding window is currently open.' },
  ]);
  await expect(editor.locator('ul > li')).toHaveCount(2);
  await expect(editor.locator('[style]')).toHaveCount(0);

  // Send for review (a version is kept), change a word, compare with the current text.
  await page.getByRole('button', { name: 'Send for review' }).click();
  await expect(page.locator('.paper-heading .status')).toHaveText('For review');
  await page.getByRole('button', { name: 'Back to draft' }).click();
  await expect(page.locator('.paper-heading .status')).toHaveText('Draft');
  const timescales = page.getByRole('textbox', { name: 'Timescales and costs text' });
  await timescales.click();
  await page.keyboard.type('Within budget for 2019/20.');
  await expect(page.getByTestId('save-state')).toContainText('Saved at');
  await page.getByRole('button', { name: 'Compare' }).click();
  const comparison = page.locator('.comparison');
  await expect(comparison).toContainText('1 section has changed.');
  await expect(comparison.getByRole('heading', { name: /Timescales and costs/ })).toBeVisible();
  await expect(comparison.locator('ins')).toHaveText('Within budget for 2019/20.');
  await screenshot(page, 'papers-03-versions-compared');
});

test('an agenda pack is exported and recorded as issued from the Papers area', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  await page.goto(`${workspace.bridge.url}#/papers/packs`);
  await page.getByLabel('Meeting').selectOption({ label: 'Kent & Medway VRU Strategic Board, 19 Mar 2020' });
  // The papers' checkbox is lined up with the Meeting field; the stylesheet is global, so a
  // checkbox elsewhere in the app keeps the app's own margin (0.5rem), not the papers' 1.8rem.
  const marginTop = (selector: string) =>
    page.evaluate((sel) => {
      const probe = document.createElement('label');
      probe.className = sel;
      document.body.append(probe);
      const margin = getComputedStyle(probe).marginTop;
      probe.remove();
      return margin;
    }, selector);
  expect(await marginTop('checkbox')).toBe('8px');
  expect(await marginTop('checkbox papers-row-checkbox')).toBe('28.8px');
  await expect(page.getByLabel('Public pack (confidential items left out)')).toBeVisible();
  await expect(page.getByRole('row', { name: /SB\/2020\/03 Kent Violence Reduction Unit/ })).toContainText('Not issued');
  // The pack as Word (the PDF is the next test).
  await page.getByLabel('Word document').check();
  await expect(page.locator('.export-file-name')).toHaveText('SB agenda pack 2020-03-19.docx');
  const out = await download(page, page.getByRole('button', { name: 'Export pack as Word' }), workspace.dir);
  expect(out.name).toBe('SB agenda pack 2020-03-19.docx');
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded SB agenda pack 2020-03-19.docx (' })).toBeVisible();
  await page.getByRole('button', { name: 'Record as issued' }).click();
  await expect(page.getByText('Issue 1 recorded: 1 paper kept as it went out, with its pages.')).toBeVisible();
  // Printed pages, numbered from the cover: the paper follows the cover and the agenda.
  await expect(page.getByRole('row', { name: /SB\/2020\/03/ })).toContainText(/[3-9]–\d+/);
  await screenshot(page, 'papers-04-agenda-pack');
  const h1 = headings((await readDocx(out.path)).document).filter((h) => h.level === 'Heading1').map((h) => h.text);
  expect(h1).toEqual(['Membership', 'Agenda', 'Item 4: Kent Violence Reduction Unit – update (SB/2020/03)', 'Register of interests']);
});

test('the agenda pack is exported as one PDF from the screen, full and public, and reads back with its pages and bookmarks', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  // A Part B item with a paper, so the full pack has a page not for publication.
  const meeting = await apiCall(page, workspace, 'agenda.addItem', { meetingId: 3, title: 'Case management system', purpose: 'decision', minutesAllotted: 15, confidential: true, confidentialReason: 'Paragraph 3: a contract under negotiation' } as never);
  const item = (meeting as unknown as { agenda: { id: number; title: string }[] }).agenda.find((a) => a.title === 'Case management system')!;
  await apiCall(page, workspace, 'paper.create', { templateKey: 'board-paper', reference: 'SB/2020/05', title: 'Case management system', agendaItemId: item.id });
  await page.goto(`${workspace.bridge.url}#/papers/packs`);
  await page.getByLabel('Meeting').selectOption({ label: 'Kent & Medway VRU Strategic Board, 19 Mar 2020' });
  await expect(page.getByLabel('PDF: one file for board members, with bookmarks')).toBeChecked();
  await expect(page.locator('.export-file-name')).toHaveText('SB agenda pack 2020-03-19.pdf');
  const full = await download(page, page.getByRole('button', { name: 'Export pack as PDF' }), workspace.dir);
  expect(full.name).toBe('SB agenda pack 2020-03-19.pdf');
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded SB agenda pack 2020-03-19.pdf (' })).toBeVisible();
  await screenshot(page, 'papers-05-agenda-pack-pdf');

  const pages = pdfPages(full.path);
  expect(pdfPageCount(full.path)).toBe(pages.length);
  const ranges = printedRanges(pages);
  const labels = [...ranges.keys()];
  // The register of interests closes the pack (after the papers, so a late entry moves no issued page).
  expect(labels.map((l) => l.split(' · ').at(-1))).toEqual(['SB/2020/03', 'SB/2020/05', 'Register of interests']);
  const rangeOf = (reference: string) => ranges.get(labels.find((l) => l.endsWith(reference))!)!;
  // The agenda's "(Pages x–y)" against each paper are the pages that carry it.
  const claims = agendaClaims(pages.slice(0, rangeOf('SB/2020/03').first - 1).join('\n'));
  for (const reference of ['SB/2020/03', 'SB/2020/05']) expect({ reference, claim: claims.get(reference) }).toEqual({ reference, claim: pagesText(rangeOf(reference)) });
  // A bookmark for the cover, the agenda (with every item under it) and each paper, at its page.
  const outline = pdfOutline(full.path);
  expect(outline.slice(0, 2).map((e) => [e.title, e.page])).toEqual([
    ['Cover: date, place, membership and quorum', 1],
    ['Agenda', 2],
  ]);
  expect(outline[1]!.children.some((e) => /^\d+\. Case management system \(Part B\)$/.test(e.title))).toBe(true);
  expect(outline.slice(2, 4).map((e) => [/\((SB\/\d+\/\d+)\)$/.exec(e.title)?.[1], e.page])).toEqual(['SB/2020/03', 'SB/2020/05'].map((r) => [r, rangeOf(r).first]));
  expect(outline.slice(4).map((e) => [e.title, e.page])).toEqual([['Register of interests', rangeOf('Register of interests').first]]);
  // NOT FOR PUBLICATION on every page of the Part B paper, and nowhere else.
  const partB = rangeOf('SB/2020/05');
  pages.forEach((text, i) => expect({ page: i + 1, marked: text.includes('NOT FOR PUBLICATION — Part B') }).toEqual({ page: i + 1, marked: i + 1 >= partB.first && i + 1 <= partB.last }));

  await page.getByLabel('Public pack (confidential items left out)').check();
  await expect(page.locator('.export-file-name')).toHaveText('SB agenda pack 2020-03-19 public.pdf');
  const pub = await download(page, page.getByRole('button', { name: 'Export pack as PDF' }), workspace.dir);
  const publicText = pdfPages(pub.path).join('\n');
  expect(publicText).not.toContain('NOT FOR PUBLICATION');
  expect(publicText.replace(/\s+/g, ' ')).toContain('SB/2020/05 (not in this pack)');
});

test('a paper with warnings is exported only once “Export anyway” is ticked, and the paper’s marking starts from the workspace setting', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  await apiCall(page, workspace, 'workspace.setSetting', {
    key: 'defaultProtectiveMarking',
    value: 'OFFICIAL-SENSITIVE',
    was: (await apiCall(page, workspace, 'workspace.info', {})).settings.defaultProtectiveMarking ?? null,
  });
  const created = await apiCall(page, workspace, 'paper.create', { templateKey: 'board-paper', reference: 'SB/2020/07', title: 'Empty paper' });
  expect(created.protectiveMarking).toBe('OFFICIAL-SENSITIVE');
  await page.goto(`${workspace.bridge.url}#/papers/${created.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'SB/2020/07 Empty paper' })).toBeVisible();

  await page.getByRole('button', { name: 'Export to Word' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export to Word' });
  await expect(dialog.locator('.export-file-name')).toHaveText('SB-2020-07 Empty paper.docx');
  // With warnings unread nothing is written, so nothing is downloaded.
  let downloads = 0;
  page.on('download', () => downloads++);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByText('Not exported yet')).toBeVisible();
  expect(downloads).toBe(0);
  await dialog.getByLabel('Export anyway, with these warnings').check();
  const out = await download(page, dialog.getByRole('button', { name: 'Export anyway' }), workspace.dir);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded SB-2020-07 Empty paper.docx (' })).toBeVisible();
  expect(out.name).toBe('SB-2020-07 Empty paper.docx');
  expect((await readDocx(out.path)).headers.join()).toContain('OFFICIAL-SENSITIVE');
});
