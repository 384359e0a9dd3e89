import { existsSync } from 'node:fs';
import { packageRequire } from '../shared/package-require';
import { dirname, join } from 'node:path';
import { fontFilesUnder, fontFolders } from '../performance/chart-png';

/**
 * The font a PDF is set in, embedded (subset) in the file: the house font, Arial, where the
 * system has it (Windows and macOS do); else Liberation Sans, which has Arial's metrics
 * (the Linux machines the charts are drawn on); else Roboto, which ships inside pdfmake's
 * own package, so a PDF can always be made with nothing else installed. Four files are
 * needed: regular, bold, italic and bold italic. Looked up once per process.
 */
export interface PdfFont {
  family: string;
  normal: string;
  bold: string;
  italics: string;
  bolditalics: string;
}

const FAMILIES: { family: string; files: Record<'normal' | 'bold' | 'italics' | 'bolditalics', RegExp> }[] = [
  { family: 'Arial', files: { normal: /^arial\.ttf$/i, bold: /^arialbd\.ttf$/i, italics: /^ariali\.ttf$/i, bolditalics: /^arialbi\.ttf$/i } },
  { family: 'Arial', files: { normal: /^Arial\.ttf$/, bold: /^Arial Bold\.ttf$/, italics: /^Arial Italic\.ttf$/, bolditalics: /^Arial Bold Italic\.ttf$/ } },
  {
    family: 'Liberation Sans',
    files: { normal: /^LiberationSans-Regular\.ttf$/, bold: /^LiberationSans-Bold\.ttf$/, italics: /^LiberationSans-Italic\.ttf$/, bolditalics: /^LiberationSans-BoldItalic\.ttf$/ },
  },
];

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** The first family of which all four files are among `files`; null when none is complete. */
export function pickPdfFont(files: string[]): PdfFont | null {
  for (const f of FAMILIES) {
    const found = Object.fromEntries(Object.entries(f.files).map(([style, re]) => [style, files.find((p) => re.test(fileName(p)))]));
    if (Object.values(found).every(Boolean)) return { family: f.family, ...(found as Omit<PdfFont, 'family'>) };
  }
  return null;
}

/** Roboto from pdfmake's package (it has no bold italic of its own name: Medium Italic serves). */
function bundledRoboto(): PdfFont | null {
  try {
    const dir = join(dirname(packageRequire().resolve('pdfmake/package.json')), 'fonts', 'Roboto');
    const font = {
      family: 'Roboto',
      normal: join(dir, 'Roboto-Regular.ttf'),
      bold: join(dir, 'Roboto-Medium.ttf'),
      italics: join(dir, 'Roboto-Italic.ttf'),
      bolditalics: join(dir, 'Roboto-MediumItalic.ttf'),
    };
    return existsSync(font.normal) ? font : null;
  } catch {
    return null; // pdfmake's package folder is not on the disk (a bundle without node_modules)
  }
}

let chosen: PdfFont | undefined;

export function pdfFont(): PdfFont {
  if (!chosen) {
    const font = pickPdfFont(fontFilesUnder(fontFolders())) ?? bundledRoboto();
    if (!font) throw new Error('No font for the PDF: neither Arial, Liberation Sans nor pdfmake’s Roboto was found.');
    chosen = font;
  }
  return chosen;
}
