import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';

/**
 * SVG → PNG in Node, no browser: resvg (a Rust renderer shipped as a prebuilt binary inside
 * its npm package). System fonts are loaded so that Arial (Windows) or Liberation Sans
 * (Linux) draws the labels. Rendered off the main thread (libuv's pool), so a report's
 * charts are drawn side by side. Zoom 1.5 puts a 900-unit chart at about 200 dpi on the page.
 */
const OPTIONS: ResvgRenderOptions = {
  fitTo: { mode: 'zoom', value: 1.5 },
  font: { loadSystemFonts: true, defaultFontFamily: 'Arial', sansSerifFamily: 'Arial' },
  background: '#ffffff',
};

export async function svgToPng(svg: string): Promise<Buffer> {
  const image = await renderAsync(svg, OPTIONS);
  return Buffer.from(image.asPng());
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
