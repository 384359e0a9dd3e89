/**
 * Where a chart's target and baseline labels go. A label sits at the right-hand end of its
 * line, above or below it; if the plotted line (or the other reference line, or the other
 * label) runs through that spot, the label tries the other side, then the left-hand end,
 * then places along the line from right to left, then the same a little further off the
 * line. If nowhere is clear it is left out: the legend under the chart names every line,
 * so the chart still says what each line is.
 * Pure geometry in SVG units (y grows downwards), so it is tested by hand.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export type Segment = readonly [Point, Point];

/** Width of Arial text, erring wide: Arial averages about 0.5 em a character (digits 0.56 em); 0.55 em (0.58 em bold) leaves room. */
export function textWidth(text: string, sizePx: number, bold = false): number {
  return Math.ceil(text.length * sizePx * (bold ? 0.58 : 0.55));
}

/** The box a line of text covers, drawn at baseline `y` with `x` its start or end, halo included. */
export function textBox(x: number, y: number, anchor: 'start' | 'end', width: number, sizePx: number): Box {
  const halo = 2;
  const left = anchor === 'start' ? x : x - width;
  return { left: left - halo, right: left + width + halo, top: y - sizePx * 0.75 - halo, bottom: y + sizePx * 0.22 + halo };
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function inflate(b: Box, by: number): Box {
  return { left: b.left - by, top: b.top - by, right: b.right + by, bottom: b.bottom + by };
}

/** Whether the segment a–b passes through the box (Liang–Barsky clipping). A point is a segment of length 0. */
export function segmentHitsBox(a: Point, b: Point, box: Box): boolean {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, a.x - box.left],
    [dx, box.right - a.x],
    [-dy, a.y - box.top],
    [dy, box.bottom - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
  }
  return t0 <= t1;
}

export interface ReferenceLabel {
  /** The line's y. */
  y: number;
  text: string;
  /** The side tried first: away from the other reference line, so the two labels do not meet. */
  prefer: 'above' | 'below';
}

export interface PlacedLabel {
  x: number;
  /** The text's baseline. */
  y: number;
  anchor: 'start' | 'end';
  box: Box;
}

export interface LabelSpace {
  /** The plot area: labels run along its lines, between its left and right edges. */
  plot: Box;
  /** How far up a label may go (it may sit in the margin above the plot). */
  top: number;
  /** What a label must not cover: the plotted line's segments and its points (as segments of length 0). */
  segments: Segment[];
  /** Other things already drawn: a "no values" message. */
  boxes: Box[];
  /** How far a label keeps from the plotted line (half its stroke and a little air). */
  clearance: number;
}

/**
 * Places each label in turn (each placed label becomes an obstacle for the next); a label
 * that fits nowhere is null. The other labels' reference lines are obstacles too.
 */
export function placeReferenceLabels(labels: ReferenceLabel[], space: LabelSpace, sizePx = 14): (PlacedLabel | null)[] {
  const placed: Box[] = [];
  const { plot } = space;
  return labels.map((label, i) => {
    const width = textWidth(label.text, sizePx, true);
    const sides: ('above' | 'below')[] = label.prefer === 'above' ? ['above', 'below'] : ['below', 'above'];
    const rightX = plot.right - 4;
    const leftX = plot.left + 6;
    const candidates: { x: number; anchor: 'start' | 'end'; y: number }[] = [];
    // Just off the line first; then a little further off, for a series that runs along the line.
    for (const gap of [0, 12]) {
      const baselineFor = (side: 'above' | 'below') => (side === 'above' ? label.y - 7 - gap : label.y + sizePx + 3 + gap);
      for (const side of sides) candidates.push({ x: rightX, anchor: 'end', y: baselineFor(side) });
      for (const side of sides) candidates.push({ x: leftX, anchor: 'start', y: baselineFor(side) });
      for (let x = rightX - 24; x - width >= leftX; x -= 24) for (const side of sides) candidates.push({ x, anchor: 'end', y: baselineFor(side) });
    }
    const otherLines = labels.filter((_, j) => j !== i).map((l): Segment => [{ x: plot.left, y: l.y }, { x: plot.right, y: l.y }]);
    const segments = [...space.segments, ...otherLines];
    for (const { x, y, anchor } of candidates) {
      const box = textBox(x, y, anchor, width, sizePx);
      if (box.top < space.top || box.bottom > plot.bottom || box.left < plot.left + 2 || box.right > plot.right + 2) continue;
      const padded = inflate(box, space.clearance);
      if (segments.some(([a, b]) => segmentHitsBox(a, b, padded))) continue;
      if ([...space.boxes, ...placed].some((b) => boxesOverlap(b, box))) continue;
      placed.push(box);
      return { x, y, anchor, box };
    }
    return null;
  });
}
