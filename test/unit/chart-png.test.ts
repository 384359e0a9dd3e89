import { renderAsync } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { chartFontFiles, chartFonts, clearChartCache, svgToPng, svgsToPngs } from '../../main/performance/chart-png';
import { chartSvg } from '../../main/performance/chart-svg';

/**
 * Charts are drawn with the fonts folders searched once (only the chart family's files
 * given to resvg, not every system font for every chart) and their PNGs kept by the hash
 * of their SVG. The PNG is the one every system font gave.
 */
const chart = (values: number[]) =>
  chartSvg({
    title: 'Hospital admissions',
    seriesLabel: 'Count',
    unit: 'count',
    points: values.map((v, i) => ({ period: `2024-${String(i + 1).padStart(2, '0')}`, label: `Month ${i + 1}`, value: v })),
    target: 12,
    targetLabel: 'Target 12',
    baseline: 10,
    baselineLabel: 'Baseline 10',
    description: 'Line chart',
  });

describe('chart PNGs', () => {
  it('picks the first chart family found, regular and bold, whatever the platform names its files', () => {
    const linux = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf'];
    expect(chartFontFiles(linux)).toEqual([linux[2], linux[1]]);
    expect(chartFontFiles(['C:\\Windows\\Fonts\\arialbd.ttf', 'C:\\Windows\\Fonts\\ARIAL.TTF', ...linux])).toEqual(['C:\\Windows\\Fonts\\ARIAL.TTF', 'C:\\Windows\\Fonts\\arialbd.ttf']);
    expect(chartFontFiles(['/System/Library/Fonts/Supplemental/Arial.ttf', '/System/Library/Fonts/Supplemental/Arial Bold.ttf'])).toEqual(['/System/Library/Fonts/Supplemental/Arial.ttf', '/System/Library/Fonts/Supplemental/Arial Bold.ttf']);
    expect(chartFontFiles(['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'])).toEqual(['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf']);
    expect(chartFontFiles(['/usr/share/fonts/Comic.ttf'])).toBeNull();
  });

  it('draws the same PNG as with every system font loaded, and draws an unchanged chart once', async () => {
    const svg = chart([10, 12, 9, 14, 15, 11]);
    const everyFont = Buffer.from((await renderAsync(svg, { fitTo: { mode: 'zoom', value: 1.5 }, background: '#ffffff', font: { loadSystemFonts: true, defaultFontFamily: 'Arial', sansSerifFamily: 'Arial' } })).asPng());
    clearChartCache();
    const first = await svgToPng(svg);
    if (chartFonts().length > 0) expect(first.equals(everyFont)).toBe(true);
    expect(await svgToPng(svg)).toBe(first); // the same buffer: not drawn again
    const [again, changed] = await svgsToPngs([svg, chart([10, 12, 9, 14, 15, 12])]);
    expect(again).toBe(first);
    expect(changed!.equals(first)).toBe(false);
  });
});
