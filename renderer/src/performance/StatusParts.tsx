import type { ScorecardRow, Trend } from '../../../main/performance/contract';

/** Red / amber / green as a word on its colour, never colour alone. */
export function RagBadge(props: { status: ScorecardRow['rag']['status']; label: string }) {
  return <span className={`rag rag-${props.status.replace('_', '-')}`}>{props.label}</span>;
}

/** The status with its rule written beside it, as the workspace worked it out. */
export function RagWithRule(props: { rag: ScorecardRow['rag'] }) {
  const rest = props.rag.rule.slice(props.rag.rule.indexOf(':') + 1).trim();
  return (
    <span className="rag-rule">
      <RagBadge status={props.rag.status} label={props.rag.label} /> <span className="rule-text">{rest}</span>
    </span>
  );
}

const ARROWS: Record<Trend['direction'], string> = { up: '↑', down: '↓', level: '→' };

/** An arrow for the direction of the number, a word for whether that is good. */
export function TrendText(props: { trend: Trend | null; none?: string }) {
  const { trend } = props;
  if (!trend) return <span className="hint">{props.none ?? 'No value a year before'}</span>;
  return (
    <span className={`trend trend-${trend.judgement.replace('_', '-')}`}>
      <span className="trend-arrow" aria-hidden="true">
        {ARROWS[trend.direction]}
      </span>{' '}
      {trend.text}
    </span>
  );
}

/** A small line of the latest periods; gaps stay gaps. Decorative: the row says it in words. */
export function Sparkline(props: { values: (number | null)[]; width?: number; height?: number }) {
  const width = props.width ?? 120;
  const height = props.height ?? 28;
  const present = props.values.filter((v): v is number => v !== null);
  if (present.length === 0) return <span className="hint">No values</span>;
  const lo = Math.min(...present);
  const hi = Math.max(...present);
  const n = props.values.length;
  const x = (i: number) => (n === 1 ? width / 2 : 2 + (i * (width - 4)) / (n - 1));
  const y = (v: number) => (hi === lo ? height / 2 : height - 3 - ((v - lo) / (hi - lo)) * (height - 6));
  const segments: string[] = [];
  let current = '';
  props.values.forEach((v, i) => {
    if (v === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? 'L' : 'M'}${x(i).toFixed(1)} ${y(v).toFixed(1)} `;
  });
  if (current) segments.push(current);
  const lastIndex = props.values.map((v) => v !== null).lastIndexOf(true);
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
      {segments.map((d, i) => (
        <path key={i} d={d.trim()} fill="none" stroke="currentColor" strokeWidth="1.5" />
      ))}
      {lastIndex >= 0 && <circle cx={x(lastIndex)} cy={y(props.values[lastIndex]!)} r="2.5" fill="currentColor" />}
    </svg>
  );
}
