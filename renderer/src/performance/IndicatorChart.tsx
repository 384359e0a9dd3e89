import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartData } from '../../../main/performance/contract';
import { niceTicks } from '../../../main/performance/chart-svg';
import { formatValue } from '../../../main/performance/units';

/**
 * The indicator's chart (recharts, an SVG drawn by React — no inline <style>, so it keeps to
 * the app's Content-Security-Policy): the values or rolling totals the workspace chose, the
 * target and baseline as labelled lines, gaps left as gaps. The workspace's own description
 * of the chart is its text alternative.
 */
export function IndicatorChart(props: { chart: ChartData }) {
  const { chart } = props;
  const data = chart.points.map((p) => ({ label: p.label, value: p.value }));
  const format = (v: number) => formatValue(v, chart.unit);
  const present = data.map((d) => d.value).filter((v): v is number => v !== null);
  // The same round axis as the report's chart: from zero to a little above the highest line.
  const ticks = niceTicks(0, Math.max(...present, chart.target ?? 0, chart.baseline ?? 0, 1) * 1.05);
  return (
    <figure className="chart" aria-describedby="indicator-chart-description">
      <figcaption>
        {chart.seriesLabel}
        {chart.targetLabel ? `, ${chart.targetLabel.toLowerCase()}` : ''}
        {chart.baselineLabel ? `, ${chart.baselineLabel.toLowerCase()}` : ''}
      </figcaption>
      <div className="chart-frame" role="img" aria-label={chart.description}>
        <ResponsiveContainer width="100%" height={320}>
          <LineChart data={data} margin={{ top: 16, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid stroke="#dee0e2" vertical={false} />
            <XAxis dataKey="label" interval="preserveStartEnd" minTickGap={24} tick={{ fill: '#0b0c0c', fontSize: 13 }} />
            <YAxis domain={[ticks[0]!, ticks[ticks.length - 1]!]} ticks={ticks} tickFormatter={(v: number) => format(v).replace(/ per .*$/, '')} tick={{ fill: '#0b0c0c', fontSize: 13 }} width={72} />
            <Tooltip formatter={(v) => [format(Number(v)), chart.seriesLabel]} />
            {chart.baseline !== null && (
              <ReferenceLine y={chart.baseline} stroke="#505a5f" strokeDasharray="3 4" strokeWidth={2} label={{ value: chart.baselineLabel ?? '', position: 'insideBottomRight', fill: '#505a5f', fontSize: 13 }} />
            )}
            {chart.target !== null && (
              <ReferenceLine y={chart.target} stroke="#00703c" strokeDasharray="10 6" strokeWidth={2} label={{ value: chart.targetLabel ?? '', position: 'insideTopRight', fill: '#00703c', fontSize: 13 }} />
            )}
            <Line type="linear" dataKey="value" name={chart.seriesLabel} stroke="#1d70b8" strokeWidth={3} dot={data.length <= 36} connectNulls={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <p id="indicator-chart-description" className="hint chart-description">
        {chart.description}
      </p>
    </figure>
  );
}
