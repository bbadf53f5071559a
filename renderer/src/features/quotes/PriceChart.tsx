import { ScatterChart, type ScatterSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

/**
 * Only the scatter chart, its grid, legend and tooltip and the canvas renderer are registered
 * (echarts/core, not the whole library): ECharts uses neither eval nor new Function, so the chart
 * runs under the app's CSP (script-src 'self').
 */
echarts.use([ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type PriceChartOption = echarts.ComposeOption<ScatterSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

export function PriceChart({ option, height = 220 }: { option: PriceChartOption; height?: number }) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    const element = host.current!;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return <div ref={host} style={{ width: '100%', height }} data-testid="price-history-chart" />;
}
