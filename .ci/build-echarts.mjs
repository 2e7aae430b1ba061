// Trunk pre-build hook: bundles src/charts/echarts.js (ECharts with only the charts and components the app
// draws) into target/echarts/echarts.js, which index.html names. The file is rewritten only when its content
// changes, so `trunk serve` does not see a change after every build.
import { build } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';

const entry = 'src/charts/echarts.js';
const out = 'target/echarts/echarts.js';

const result = await build({
  entryPoints: [entry],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  legalComments: 'eof',
  // ECharts keeps its development warnings behind `__DEV__`; the release bundle drops them.
  define: { __DEV__: 'false', 'process.env.NODE_ENV': '"production"' },
  write: false,
  logLevel: 'warning',
});
const bundle = result.outputFiles[0].contents;

const previous = await readFile(out).catch(() => null);
if (previous && Buffer.compare(previous, bundle) === 0) {
  console.log(`${out} is up to date (${bundle.length} bytes)`);
} else {
  await mkdir('target/echarts', { recursive: true });
  await writeFile(out, bundle);
  console.log(`bundled ${entry} into ${out} (${bundle.length} bytes)`);
}
