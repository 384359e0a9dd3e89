import { describe, expect, it } from 'vitest';
import { placeReferenceLabels, segmentHitsBox, textBox, textWidth, type Box, type LabelSpace, type Segment } from '../../main/performance/chart-labels';
import { chartSvg } from '../../main/performance/chart-svg';
import type { ChartData } from '../../main/performance/contract';

const box: Box = { left: 10, top: 10, right: 20, bottom: 20 };
const plot: Box = { left: 100, top: 20, right: 500, bottom: 320 };
const space = (segments: Segment[]): LabelSpace => ({ plot, top: 2, segments, boxes: [], clearance: 6 });
const pt = (x: number, y: number) => ({ x, y });

describe('segmentHitsBox', () => {
  it('finds a segment that crosses, touches or lies inside the box, and not one that passes by', () => {
    expect(segmentHitsBox(pt(0, 15), pt(30, 15), box)).toBe(true); // straight through
    expect(segmentHitsBox(pt(12, 12), pt(18, 18), box)).toBe(true); // wholly inside
    expect(segmentHitsBox(pt(0, 0), pt(30, 30), box)).toBe(true); // corner to corner
    expect(segmentHitsBox(pt(0, 25), pt(30, 25), box)).toBe(false); // below
    expect(segmentHitsBox(pt(0, 0), pt(30, 5), box)).toBe(false); // above, sloping
    expect(segmentHitsBox(pt(0, 30), pt(30, 0), { left: 10, top: 0, right: 12, bottom: 2 })).toBe(false); // the diagonal passes x=10..12 at y=18..20
    expect(segmentHitsBox(pt(15, 15), pt(15, 15), box)).toBe(true); // a lone point inside
    expect(segmentHitsBox(pt(25, 15), pt(25, 15), box)).toBe(false); // a lone point outside
  });
});

describe('placeReferenceLabels', () => {
  // A 14px bold label of 10 characters: 10 × 14 × 0.58 = 81.2 → 82 wide.
  const text = 'Target 378';
  it('puts a label at the right-hand end of its line, on the side it prefers, when nothing is there', () => {
    expect(textWidth(text, 14, true)).toBe(82);
    const [at] = placeReferenceLabels([{ y: 200, text, prefer: 'above' }], space([[pt(100, 300), pt(500, 300)]]));
    // Right end 500 − 4; baseline 7 above the line.
    expect(at).toMatchObject({ x: 496, y: 193, anchor: 'end' });
    const [below] = placeReferenceLabels([{ y: 200, text, prefer: 'below' }], space([]));
    // 14 + 3 below the line.
    expect(below).toMatchObject({ x: 496, y: 217, anchor: 'end' });
  });

  it('moves to the other side, then to the left-hand end, when the plotted line runs through', () => {
    // The series ends just above the line at the right: the label goes below it.
    const endsAbove: Segment[] = [[pt(100, 100), pt(500, 190)]];
    expect(placeReferenceLabels([{ y: 200, text, prefer: 'above' }], space(endsAbove))[0]).toMatchObject({ x: 496, y: 217, anchor: 'end' });
    // The series crosses the line steeply at the right: both sides there are taken; the left end is clear.
    const crossesAtRight: Segment[] = [[pt(100, 300), pt(440, 300)], [pt(440, 300), pt(500, 100)]];
    expect(placeReferenceLabels([{ y: 200, text, prefer: 'above' }], space(crossesAtRight))[0]).toMatchObject({ x: 106, y: 193, anchor: 'start' });
  });

  it('keeps two labels apart and off each other’s line', () => {
    // Lines 10 apart: the upper label goes above its line, the lower one below its own.
    const [upper, lower] = placeReferenceLabels(
      [
        { y: 200, text: 'Baseline 420 (2018/19)', prefer: 'above' },
        { y: 210, text, prefer: 'below' },
      ],
      space([]),
    );
    expect(upper).toMatchObject({ y: 193, anchor: 'end' });
    expect(lower).toMatchObject({ y: 227, anchor: 'end' });
    expect(upper!.box.bottom).toBeLessThan(200);
    expect(lower!.box.top).toBeGreaterThan(210);
  });

  it('leaves a label out when the plotted line leaves no room anywhere near its line (the legend names it)', () => {
    // A zigzag across the line every 20 units: no 82-wide gap.
    const zigzag: Segment[] = [];
    for (let x = 100; x < 500; x += 20) zigzag.push([pt(x, x % 40 === 20 ? 150 : 250), pt(x + 20, x % 40 === 20 ? 250 : 150)]);
    expect(placeReferenceLabels([{ y: 200, text, prefer: 'above' }], space(zigzag))).toEqual([null]);
  });
});

/** The series' points and each reference label's box, read back from the SVG. */
function drawn(svg: string) {
  const path = /<path d="([^"]+)"/.exec(svg)![1]!;
  const points = [...path.matchAll(/[ML]([\d.]+) ([\d.]+)/g)].map((m) => pt(Number(m[1]), Number(m[2])));
  const segments: Segment[] = points.slice(1).map((p, i) => [points[i]!, p]);
  const labels = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)"[^>]*text-anchor="(start|end)"[^>]*data-reference="(\w+)">([^<]*)</g)].map((m) => ({
    kind: m[4]!,
    box: textBox(Number(m[1]), Number(m[2]), m[3] as 'start' | 'end', textWidth(m[5]!, 14, true), 14),
  }));
  return { segments, labels };
}

describe('chartSvg reference labels', () => {
  it('the LOC-2 chart: the line falls from 61% across the 50% baseline at the right-hand end, and neither label touches it', () => {
    const data: ChartData = {
      title: 'LOC-2',
      description: 'Line chart',
      seriesLabel: 'Percentage',
      unit: 'percentage',
      points: ['2018/19 Q4', '2019/20 Q1', '2019/20 Q2', '2019/20 Q3', '2019/20 Q4'].map((period, i) => ({ period, label: period, value: [50, 52, 55, 61, 48][i]! })),
      target: 60,
      targetLabel: 'Target 60%',
      baseline: 50,
      baselineLabel: 'Baseline 50% (2018/19 Q4)',
    };
    const { segments, labels } = drawn(chartSvg(data));
    expect(labels.map((l) => l.kind).sort()).toEqual(['baseline', 'target']);
    for (const l of labels) {
      for (const [a, b] of segments) expect(segmentHitsBox(a, b, l.box), `${l.kind} label over the line ${a.x},${a.y}–${b.x},${b.y}`).toBe(false);
    }
  });

  it('a series that runs along the baseline: the label sits a little further off rather than on the line', () => {
    const values = Array.from({ length: 24 }, (_, i) => (i % 2 ? 103 : 97));
    const data: ChartData = {
      title: 'HO-1',
      description: 'Line chart',
      seriesLabel: 'Count',
      unit: 'count',
      points: values.map((value, i) => ({ period: `p${i}`, label: `P${i}`, value })),
      target: 90,
      targetLabel: 'Target 90',
      baseline: 100,
      baselineLabel: 'Baseline 100 (2018/19)',
    };
    const { segments, labels } = drawn(chartSvg(data));
    expect(labels).toHaveLength(2);
    for (const l of labels) for (const [a, b] of segments) expect(segmentHitsBox(a, b, l.box)).toBe(false);
  });
});
