import { BarChart, LineChart, ScatterChart, type BarSeriesOption, type LineSeriesOption, type ScatterSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

/**
 * The app's charts (price history, reports). Only the bar, line and scatter charts, their grid,
 * legend and tooltip, and the canvas renderer are registered (echarts/core): the whole library is
 * ~1 MB, and this module is loaded only with the screens that draw charts. ECharts uses neither
 * eval nor new Function, so it runs under the app's CSP (script-src 'self'); its inline styles
 * are allowed by style-src 'unsafe-inline'.
 */
echarts.use([BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type EChartOption = echarts.ComposeOption<
  BarSeriesOption | LineSeriesOption | ScatterSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** A chart that fills its width, follows the page's size, and is redrawn whole when `option` changes. */
export function EChart({ option, height, testId }: { option: EChartOption; height: number; testId: string }) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = host.current!;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    // The page's width changes with the window and the nav; the chart follows it.
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

  return <div ref={host} style={{ width: '100%', height }} data-testid={testId} />;
}
