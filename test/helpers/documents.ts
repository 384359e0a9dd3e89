import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import JSZip from 'jszip';

/** The parts of a .docx as text: document, headers, footers, core properties, styles. */
export async function readDocx(path: string): Promise<{ document: string; headers: string[]; footers: string[]; core: string; styles: string; settings: string; files: string[] }> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const text = async (name: string) => (zip.file(name) ? await zip.file(name)!.async('string') : '');
  const files = Object.keys(zip.files);
  return {
    document: await text('word/document.xml'),
    headers: await Promise.all(files.filter((f) => /^word\/header\d*\.xml$/.test(f)).map(text)),
    footers: await Promise.all(files.filter((f) => /^word\/footer\d*\.xml$/.test(f)).map(text)),
    core: await text('docProps/core.xml'),
    styles: await text('word/styles.xml'),
    settings: await text('word/settings.xml'),
    files,
  };
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The visible text of each paragraph of a WordprocessingML part, in order. */
export function paragraphs(xml: string): { style: string | null; text: string }[] {
  const out: { style: string | null; text: string }[] = [];
  for (const m of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const p = m[0];
    const style = /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null;
    const text = [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1]!)).join('');
    out.push({ style, text });
  }
  return out;
}

/** Headings (style Heading1..3 or Title) in document order. */
export function headings(xml: string): { level: string; text: string }[] {
  return paragraphs(xml)
    .filter((p) => p.style && /^(Title|Heading\d)$/.test(p.style))
    .map((p) => ({ level: p.style!, text: p.text }));
}

/** Rows of each table as arrays of cell text; marks header rows. */
export function tables(xml: string): { header: boolean; cells: string[] }[][] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => ({
      header: /<w:tblHeader\/>|<w:tblHeader w:val="(true|1|on)"\/>/.test(r[0]),
      cells: [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphs(c[0]).map((p) => p.text).join('\n')),
    })),
  );
}

export const libreOfficeAvailable = existsSync('/usr/bin/soffice') || existsSync('/usr/bin/libreoffice');

/**
 * Renders a .docx or .xlsx to PDF with LibreOffice (headless, its own profile so parallel
 * runs do not collide); returns the PDF path and its page count.
 */
export function renderPdf(file: string, outDir: string): { pdf: string; pages: number } {
  const profile = join(outDir, '.lo-profile');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, file], { stdio: 'pipe', timeout: 120_000 });
  const pdf = join(outDir, basename(file).replace(/\.[^.]+$/, '.pdf'));
  if (!existsSync(pdf)) throw new Error(`LibreOffice produced no PDF for ${file}: ${readdirSync(outDir).join(', ')}`);
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  return { pdf, pages };
}

/** The PDF's text (pdftotext -layout), for checking what a reader sees. */
export function pdfText(pdf: string): string {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}
