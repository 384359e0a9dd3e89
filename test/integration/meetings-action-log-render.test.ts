import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libreOfficeAvailable, pdfText, renderPdf } from '../helpers/documents';
import { tempWorkspace } from '../helpers/workspace';

describe('the action log in Word, printed', () => {
  it.runIf(libreOfficeAvailable)('keeps a done action’s completion date on one line', async () => {
    const ws = await tempWorkspace();
    await ws.call('workspace.loadDemo');
    const out = join(ws.dir, 'log.docx');
    await ws.call('action.exportLog', { boardId: 1, format: 'docx', out });
    // The demo's first action was done on 5 February 2020; a Status column narrower than
    // the date printed "Done 05/02/202" with the "0" on the next line.
    const text = pdfText(renderPdf(out, ws.dir).pdf);
    expect(text).toContain('Done');
    expect(text).not.toMatch(/\d\d\/\d\d\/\d{1,3}$/m); // no date broken at the end of a line
  });
});
