import { describe, expect, it } from 'vitest';
import { defaultExportPath, fileNameOf, folderOf, joinPath, safeFileName, savedText, sizeText, withExtension } from '../../renderer/src/components/export-path';

describe('where an export goes by default', () => {
  it('finds the workspace folder on Windows and Linux paths', () => {
    expect(folderOf('C:\\Users\\jo\\Board\\board.db')).toBe('C:\\Users\\jo\\Board');
    expect(folderOf('/home/jo/board/workspace.db')).toBe('/home/jo/board');
    expect(folderOf('C:\\board.db')).toBe('C:\\');
    expect(folderOf('/workspace.db')).toBe('/');
    expect(folderOf('workspace.db')).toBe('.');
    expect(folderOf('\\\\server\\share\\board.db')).toBe('\\\\server\\share');
  });

  it('joins with the separator the folder uses', () => {
    expect(joinPath('C:\\Users\\jo', 'SB agenda.docx')).toBe('C:\\Users\\jo\\SB agenda.docx');
    expect(joinPath('C:\\', 'a.docx')).toBe('C:\\a.docx');
    expect(joinPath('/home/jo', 'a.docx')).toBe('/home/jo/a.docx');
    expect(joinPath('/', 'a.docx')).toBe('/a.docx');
    expect(fileNameOf('C:\\Users\\jo\\SB agenda.docx')).toBe('SB agenda.docx');
    expect(fileNameOf('/tmp/x/a.xlsx')).toBe('a.xlsx');
  });

  it('makes a suggested name one Windows accepts', () => {
    expect(safeFileName('VRU-2019 spend return 2019/20 Q4.xlsx')).toBe('VRU-2019 spend return 2019-20 Q4.xlsx');
    expect(safeFileName('Decision: "yes" or no? <maybe> | a*b.docx')).toBe('Decision- -yes- or no- -maybe- - a-b.docx');
    expect(safeFileName('Minutes  of\tthe   board .docx')).toBe('Minutes of the board.docx');
    expect(safeFileName('Report....docx')).toBe('Report.docx');
    expect(safeFileName('CON.docx')).toBe('CON_.docx');
    expect(safeFileName('lpt1.xlsx')).toBe('lpt1_.xlsx');
    expect(safeFileName('.docx')).toBe('Export.docx');
    expect(safeFileName('  ')).toBe('Export');
    expect(safeFileName('Agenda.DOCX')).toBe('Agenda.docx');
    expect(safeFileName('x'.repeat(300) + '.docx')).toBe('x'.repeat(150) + '.docx');
  });

  it('offers the suggested name in the workspace folder, or alone when no workspace is known', () => {
    expect(defaultExportPath('C:\\Users\\jo\\Board\\board.db', 'SB minutes 2020-06-16.docx')).toBe('C:\\Users\\jo\\Board\\SB minutes 2020-06-16.docx');
    expect(defaultExportPath('/tmp/e2e/workspace.db', 'Funding summary 2019/20.xlsx')).toBe('/tmp/e2e/Funding summary 2019-20.xlsx');
    expect(defaultExportPath(null, 'Action log.docx')).toBe('Action log.docx');
  });

  it('swaps the extension of a typed path when the format changes', () => {
    expect(withExtension('C:\\Reports\\Action log.docx', '.xlsx')).toBe('C:\\Reports\\Action log.xlsx');
    expect(withExtension('/tmp/log', '.xlsx')).toBe('/tmp/log.xlsx');
    expect(withExtension('/tmp/v1.2/log', '.docx')).toBe('/tmp/v1.2/log.docx');
  });

  it('says the size as Explorer rounds it', () => {
    expect(sizeText(0)).toBe('1 KB');
    expect(sizeText(1536)).toBe('2 KB');
    expect(sizeText(12_345)).toBe('12 KB');
    expect(sizeText(1_000_000)).toBe('977 KB');
    expect(sizeText(1_048_576)).toBe('1 MB');
    expect(sizeText(2_621_440)).toBe('2.5 MB');
  });

  it('says what was saved, how big, and where', () => {
    expect(savedText({ path: 'C:\\Users\\jo\\Board\\SB agenda 2020-06-16.docx', bytes: 12_800 })).toBe('Saved SB agenda 2020-06-16.docx (13 KB) to C:\\Users\\jo\\Board');
  });
});
