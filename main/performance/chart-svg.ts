import type { ChartData } from './contract';
import { placeReferenceLabels, textBox, textWidth, type Box, type Point, type Segment } from './chart-labels';
import { formatNumber, type Unit } from './units';

/**
 * An indicator's chart as SVG text, drawn here so that documents need no browser: the values
 * (or rolling totals) as a line, gaps left as gaps, the target and baseline as labelled
 * horizontal lines (labels placed clear of the plotted line: chart-labels.ts), en-GB axis
 * labels and a legend. chart-png.ts turns it into a PNG.
 */
export interface ChartSize {
  width: number;
  height: number;
}

const FONT = "Arial, 'Liberation Sans', Helvetica, 'DejaVu Sans', sans-serif";
const COLOURS = { series: '#1d70b8', target: '#00703c', baseline: '#505a5f', axis: '#0b0c0c', grid: '#dee0e2', text: '#0b0c0c' };

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Round numbers for the axis: 0, 100, 200… covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (hi === lo) hi = lo + 1;
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const first = Math.floor(lo / step) * step;
  const ticks: number[] = [];
  for (let v = first; v <= hi + step * 1e-9; v += step) ticks.push(Math.round(v * 1e9) / 1e9);
  if (ticks[ticks.length - 1]! < hi) ticks.push(Math.round((ticks[ticks.length - 1]! + step) * 1e9) / 1e9);
  return ticks;
}

function axisLabel(value: number, unit: Unit): string {
  const n = formatNumber(value, unit === 'pounds' ? 'count' : unit);
  return unit === 'percentage' ? `${n}%` : unit === 'pounds' ? `£${n}` : n;
}

export function chartSvg(data: ChartData, size: ChartSize = { width: 900, height: 420 }): string {
  const { width, height } = size;
  const margin = { top: 24, right: 36, bottom: 86, left: 78 };
  const inset = 16; // the first and last points sit clear of the axes
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const present = data.points.map((p) => p.value).filter((v): v is number => v !== null);
  const refs = [data.target, data.baseline].filter((v): v is number => v !== null);
  const all = [...present, ...refs];
  const lo = Math.min(0, ...all);
  const hi = all.length ? Math.max(...all) * 1.05 : 1;
  const ticks = niceTicks(lo, hi);
  const yMin = ticks[0]!;
  const yMax = ticks[ticks.length - 1]!;
  const n = Math.max(data.points.length, 1);
  const x = (i: number) => margin.left + inset + (n === 1 ? (plotW - 2 * inset) / 2 : (i * (plotW - 2 * inset)) / (n - 1));
  const y = (v: number) => margin.top + plotH - ((v - yMin) / (yMax - yMin || 1)) * plotH;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${esc(FONT)}">`);
  out.push(`<title>${esc(data.title)}</title><desc>${esc(data.description)}</desc>`);
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);

  // Grid and y axis labels.
  for (const t of ticks) {
    out.push(`<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="${COLOURS.grid}" stroke-width="1"/>`);
    out.push(`<text x="${margin.left - 8}" y="${(y(t) + 5).toFixed(1)}" font-size="14" text-anchor="end" fill="${COLOURS.text}">${esc(axisLabel(t, data.unit))}</text>`);
  }
  out.push(`<line x1="${margin.left}" x2="${margin.left}" y1="${margin.top}" y2="${margin.top + plotH}" stroke="${COLOURS.axis}" stroke-width="1.5"/>`);
  out.push(`<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${margin.top + plotH}" y2="${margin.top + plotH}" stroke="${COLOURS.axis}" stroke-width="1.5"/>`);

  // X labels: at most about eight, evenly spaced, always the last.
  const every = Math.max(1, Math.ceil(n / 8));
  data.points.forEach((p, i) => {
    if (i % every !== 0 && i !== n - 1) return;
    if (i !== n - 1 && n - 1 - i < every / 2) return; // keep the last label clear of its neighbour
    const lx = x(i);
    out.push(`<line x1="${lx.toFixed(1)}" x2="${lx.toFixed(1)}" y1="${margin.top + plotH}" y2="${margin.top + plotH + 5}" stroke="${COLOURS.axis}"/>`);
    const anchor = lx > width - margin.right - 30 ? 'end' : lx < margin.left + 30 ? 'start' : 'middle';
    out.push(`<text x="${(anchor === 'end' ? lx + 12 : anchor === 'start' ? lx - 12 : lx).toFixed(1)}" y="${margin.top + plotH + 22}" font-size="14" text-anchor="${anchor}" fill="${COLOURS.text}">${esc(p.label)}</text>`);
  });

  // Reference lines, then the series over them, then the lines' labels where the series leaves room.
  type Ref = { kind: 'target' | 'baseline'; value: number; colour: string; dash: string; label: string; above: boolean };
  const references: Ref[] = [];
  if (data.baseline !== null && data.baselineLabel) {
    references.push({ kind: 'baseline', value: data.baseline, colour: COLOURS.baseline, dash: '3 4', label: data.baselineLabel, above: data.target === null || data.baseline >= data.target });
  }
  if (data.target !== null && data.targetLabel) {
    references.push({ kind: 'target', value: data.target, colour: COLOURS.target, dash: '10 6', label: data.targetLabel, above: data.baseline === null || data.target > data.baseline });
  }
  for (const r of references) {
    const ly = y(r.value).toFixed(1);
    out.push(`<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${ly}" y2="${ly}" stroke="${r.colour}" stroke-width="2.5" stroke-dasharray="${r.dash}"/>`);
  }

  // The series: a path broken at gaps, with markers when there are few points.
  let d = '';
  const segments: Segment[] = [];
  let last: Point | null = null;
  for (const [i, p] of data.points.entries()) {
    if (p.value === null) {
      last = null;
      continue;
    }
    const here = { x: x(i), y: y(p.value) };
    segments.push(last ? [last, here] : [here, here]);
    d += `${last ? 'L' : 'M'}${here.x.toFixed(1)} ${here.y.toFixed(1)} `;
    last = here;
  }
  if (d) out.push(`<path d="${d.trim()}" fill="none" stroke="${COLOURS.series}" stroke-width="3" stroke-linejoin="round" stroke-linecap="round"/>`);
  const lonely = (i: number) => data.points[i]!.value !== null && (data.points[i - 1]?.value ?? null) === null && (data.points[i + 1]?.value ?? null) === null;
  data.points.forEach((p, i) => {
    if (p.value === null || (n > 36 && !lonely(i))) return;
    out.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="4" fill="${COLOURS.series}"/>`);
  });
  const messages: Box[] = [];
  if (!present.length) {
    const message = 'No values recorded yet';
    out.push(`<text x="${margin.left + plotW / 2}" y="${margin.top + plotH / 2}" font-size="18" text-anchor="middle" fill="${COLOURS.baseline}">${message}</text>`);
    const w = textWidth(message, 18);
    messages.push(textBox(margin.left + plotW / 2 - w / 2, margin.top + plotH / 2, 'start', w, 18));
  }
  const plot = { left: margin.left, top: margin.top, right: margin.left + plotW, bottom: margin.top + plotH };
  // Half the series' stroke (3), its markers' radius (4) and a little air.
  const placed = placeReferenceLabels(
    references.map((r) => ({ y: y(r.value), text: r.label, prefer: r.above ? 'above' : 'below' })),
    { plot, top: 2, segments, boxes: messages, clearance: 6 },
  );
  references.forEach((r, i) => {
    const at = placed[i];
    if (!at) return; // nowhere clear of the series: the legend names the line
    out.push(`<text x="${at.x.toFixed(1)}" y="${at.y.toFixed(1)}" font-size="14" font-weight="bold" text-anchor="${at.anchor}" fill="${r.colour}" stroke="#ffffff" stroke-width="4" paint-order="stroke" data-reference="${r.kind}">${esc(r.label)}</text>`);
  });

  // Legend.
  const legend: { colour: string; dash: string; label: string }[] = [{ colour: COLOURS.series, dash: '', label: data.seriesLabel }];
  if (data.targetLabel) legend.push({ colour: COLOURS.target, dash: '10 6', label: data.targetLabel });
  if (data.baselineLabel) legend.push({ colour: COLOURS.baseline, dash: '3 4', label: data.baselineLabel });
  let lx = margin.left;
  const ly = height - 22;
  for (const item of legend) {
    out.push(`<line x1="${lx}" x2="${lx + 34}" y1="${ly - 5}" y2="${ly - 5}" stroke="${item.colour}" stroke-width="3"${item.dash ? ` stroke-dasharray="${item.dash}"` : ''}/>`);
    out.push(`<text x="${lx + 42}" y="${ly}" font-size="14" fill="${COLOURS.text}">${esc(item.label)}</text>`);
    lx += 42 + Math.ceil(item.label.length * 7.6) + 28;
  }
  out.push('</svg>');
  return out.join('\n');
}
