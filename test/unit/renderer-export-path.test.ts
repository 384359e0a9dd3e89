import { describe, expect, it } from 'vitest';
import { downloadedText, fileNameOf, folderOf, joinPath, safeFileName, savedText, formatBytes } from '../../renderer/src/components/export-path';
import { extensionOf } from '../../main/shared/file-names';

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

  it('finds the extension the Save dialog filters by', () => {
    expect(extensionOf('Minutes — Strategic Board 16-06-2020.DOCX')).toBe('.docx');
    expect(extensionOf('Funding summary 2019-20.xlsx')).toBe('.xlsx');
    expect(extensionOf('Report v1.2 final')).toBe('');
    expect(extensionOf('notes.')).toBe('');
  });

  it('keeps the board, the date and the kind in a meeting document name', () => {
    expect(safeFileName('Agenda — Strategic Board 16/06/2020.docx')).toBe('Agenda — Strategic Board 16-06-2020.docx');
    expect(safeFileName('Minutes — Strategic Board 16/06/2020.docx')).not.toBe(safeFileName('Agenda — Strategic Board 16/06/2020.docx'));
  });

  it('says the size as Explorer rounds it', () => {
    expect(formatBytes(0)).toBe('1 KB');
    expect(formatBytes(1536)).toBe('2 KB');
    expect(formatBytes(12_345)).toBe('12 KB');
    expect(formatBytes(1_000_000)).toBe('977 KB');
    expect(formatBytes(1_048_576)).toBe('1 MB');
    expect(formatBytes(2_621_440)).toBe('2.5 MB');
  });

  it('says what was saved, how big, and where', () => {
    expect(savedText({ path: 'C:\\Users\\jo\\Board\\SB agenda 2020-06-16.docx', bytes: 12_800 })).toBe('Saved SB agenda 2020-06-16.docx (13 KB) to C:\\Users\\jo\\Board');
    expect(downloadedText({ name: 'SB agenda 2020-06-16.docx', bytes: 12_800 })).toBe('Downloaded SB agenda 2020-06-16.docx (13 KB)');
  });
});
