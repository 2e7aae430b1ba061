// The ECharts the app ships: only the chart types and components the builders in this folder use, drawn on
// canvas. `.ci/bundle-assets.mjs` bundles this file before every Trunk build; the result defines the global
// `echarts` that charming's WasmRenderer calls. A builder that starts using another chart type or component
// (a title, a data zoom, a mark line…) must add it here, or ECharts silently leaves it out.
import { use, init } from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, SunburstChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([
  BarChart,
  HeatmapChart,
  LineChart,
  SunburstChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
  CanvasRenderer,
]);

// charming calls only `echarts.init`; everything else goes through the chart instance it returns.
globalThis.echarts = { init };
