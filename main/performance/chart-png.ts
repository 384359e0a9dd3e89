import { Resvg } from '@resvg/resvg-js';

/**
 * SVG → PNG in Node, no browser: resvg (a Rust renderer shipped as a prebuilt binary inside
 * its npm package). System fonts are loaded so that Arial (Windows) or Liberation Sans
 * (Linux) draws the labels; `scale` renders at a higher density for print.
 */
export function svgToPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: 'Arial', sansSerifFamily: 'Arial' },
    background: '#ffffff',
  });
  return Buffer.from(resvg.render().asPng());
}
