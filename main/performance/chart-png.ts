import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * SVG → PNG in Node, no browser: resvg (a Rust renderer shipped as a prebuilt binary inside
 * its npm package). Rendered off the main thread (libuv's pool), so a report's charts are
 * drawn side by side. Zoom 1.5 puts a 900-unit chart at about 200 dpi on the page.
 *
 * Fonts. resvg-js builds its font database afresh for every render, and with
 * loadSystemFonts it reads every font on the system each time (51 files on the Linux CI
 * machine, hundreds on a Windows PC), 200 times for a report. The charts name one family
 * (chart-svg.ts: Arial, then Liberation Sans, Helvetica, DejaVu Sans), so the fonts folders
 * are searched once per process for that family's regular and bold files and only those
 * are given to resvg. Where none of them is found, every system font is loaded, as before.
 *
 * PNGs are kept by the hash of their SVG (which is drawn from the chart's data alone), so
 * an export repeated in the same session redraws only the charts whose data changed.
 */
const RENDER: ResvgRenderOptions = { fitTo: { mode: 'zoom', value: 1.5 }, background: '#ffffff' };

/** The chart families in the order chart-svg.ts asks for them, and how their regular and bold files are named on Windows, macOS and Linux. */
const FAMILIES: { family: string; regular: RegExp; bold: RegExp }[] = [
  { family: 'Arial', regular: /^arial\.ttf$/i, bold: /^(arialbd|arial bold)\.ttf$/i },
  { family: 'Liberation Sans', regular: /^LiberationSans-Regular\.ttf$/i, bold: /^LiberationSans-Bold\.ttf$/i },
  { family: 'Helvetica', regular: /^Helvetica\.ttc$/i, bold: /^Helvetica-Bold\.ttf$/i },
  { family: 'DejaVu Sans', regular: /^DejaVuSans\.ttf$/i, bold: /^DejaVuSans-Bold\.ttf$/i },
];

/** Where the system keeps its fonts, as resvg's own loadSystemFonts looks for them. */
export function fontFolders(): string[] {
  if (process.platform === 'win32') {
    const windir = process.env.WINDIR ?? process.env.SystemRoot ?? 'C:\\Windows';
    return [join(windir, 'Fonts'), ...(process.env.LOCALAPPDATA ? [join(process.env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts')] : [])];
  }
  if (process.platform === 'darwin') return ['/Library/Fonts', '/System/Library/Fonts', join(homedir(), 'Library', 'Fonts')];
  return ['/usr/share/fonts', '/usr/local/share/fonts', join(homedir(), '.local', 'share', 'fonts'), join(homedir(), '.fonts')];
}

/** Every font file under the folders, in a fixed order (sorted paths), at most a few levels down. */
export function fontFilesUnder(folders: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // a folder that is missing or unreadable has no fonts to offer
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(dir, e.name);
      if (e.isDirectory() && depth < 4) walk(path, depth + 1);
      else if (e.isFile() && /\.(ttf|otf|ttc)$/i.test(e.name)) out.push(path);
    }
  };
  for (const f of folders) walk(f, 0);
  return out;
}

/** A path's file name, whichever separator it uses. */
const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** The regular (and, where there is one, bold) file of the first chart family found among `files`; null when none is. */
export function chartFontFiles(files: string[]): string[] | null {
  for (const f of FAMILIES) {
    const regular = files.find((p) => f.regular.test(fileName(p)));
    if (!regular) continue;
    const bold = files.find((p) => f.bold.test(fileName(p)));
    return bold ? [regular, bold] : [regular];
  }
  return null;
}

let fontOptions: ResvgRenderOptions['font'] | undefined;

/** resvg's font options, worked out on the first chart of the process. */
function fonts(): NonNullable<ResvgRenderOptions['font']> {
  if (!fontOptions) {
    const files = chartFontFiles(fontFilesUnder(fontFolders()));
    fontOptions = files
      ? { loadSystemFonts: false, fontFiles: files, defaultFontFamily: 'Arial', sansSerifFamily: 'Arial' }
      : { loadSystemFonts: true, defaultFontFamily: 'Arial', sansSerifFamily: 'Arial' };
  }
  return fontOptions;
}

/** The font files charts are drawn with (empty when every system font is loaded instead), for the bench and tests. */
export function chartFonts(): string[] {
  return fonts().fontFiles ?? [];
}

// PNGs by the hash of their SVG, newest last; about 40 KB a chart, so the cap holds several reports' worth.
const CACHE_BYTES = 64 * 1024 * 1024;
const cache = new Map<string, Buffer>();
let cachedBytes = 0;

/** Forgets every cached PNG (the bench times a first export with it). */
export function clearChartCache(): void {
  cache.clear();
  cachedBytes = 0;
}

function remember(key: string, png: Buffer): void {
  cache.set(key, png);
  cachedBytes += png.length;
  for (const [k, v] of cache) {
    if (cachedBytes <= CACHE_BYTES) break;
    cache.delete(k);
    cachedBytes -= v.length;
  }
}

export async function svgToPng(svg: string): Promise<Buffer> {
  const key = createHash('sha256').update(svg).digest('hex');
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit); // most recently used last
    return hit;
  }
  const image = await renderAsync(svg, { ...RENDER, font: fonts() });
  const png = Buffer.from(image.asPng());
  remember(key, png);
  return png;
}

/** Many charts at once, at most `parallel` in flight; results in the order given. */
export async function svgsToPngs(svgs: string[], parallel = 4): Promise<Buffer[]> {
  const out: Buffer[] = new Array(svgs.length);
  let next = 0;
  const worker = async () => {
    while (next < svgs.length) {
      const i = next++;
      out[i] = await svgToPng(svgs[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, svgs.length) }, worker));
  return out;
}
