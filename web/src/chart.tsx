// An ECharts chart as a component: created once on its element, options replaced as data changes,
// resized with its box. Only the chart types and components the views use are bundled.
import { BarChart, HeatmapChart, LineChart, PieChart } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  AriaComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "preact/hooks";

echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  AriaComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

export function Chart(props: {
  option: ChartOption;
  label: string;
  height?: number;
  onClick?: (params: { data?: unknown; dataIndex: number; seriesIndex?: number }) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    const c = echarts.init(box.current!);
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(box.current!);
    return () => {
      observer.disconnect();
      c.dispose();
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, ...props.option }, true);
  }, [props.option]);
  useEffect(() => {
    const c = chart.current;
    if (!c || !props.onClick) return;
    const handler = props.onClick;
    c.on("click", handler as never);
    return () => c.off("click", handler as never);
  }, [props.onClick]);
  return (
    <div
      class="chart"
      ref={box}
      role="img"
      aria-label={props.label}
      style={{ height: `${props.height ?? 260}px` }}
    />
  );
}
