// Trunk pre-build hook: bundles, with esbuild, what index.html names from target/bundles/:
// - echarts.js: ECharts with only the charts and components the app draws (src/charts/echarts.js);
// - app.css: every stylesheet in style/, in the order style/app.css imports them.
// A file is rewritten only when its content changes, so `trunk serve` does not see a change after every build.
import { build } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';

const OUT = 'target/bundles';

const bundles = [
  {
    entry: 'src/charts/echarts.js',
    out: `${OUT}/echarts.js`,
    options: {
      format: 'iife',
      target: 'es2020',
      // ECharts keeps its development warnings behind `__DEV__`; the release bundle drops them.
      define: { __DEV__: 'false', 'process.env.NODE_ENV': '"production"' },
    },
  },
  { entry: 'style/app.css', out: `${OUT}/app.css`, options: {} },
];

await mkdir(OUT, { recursive: true });
for (const { entry, out, options } of bundles) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    legalComments: 'eof',
    write: false,
    logLevel: 'warning',
    ...options,
  });
  const bundle = result.outputFiles[0].contents;
  const previous = await readFile(out).catch(() => null);
  if (previous && Buffer.compare(previous, bundle) === 0) {
    console.log(`${out} is up to date (${bundle.length} bytes)`);
  } else {
    await writeFile(out, bundle);
    console.log(`bundled ${entry} into ${out} (${bundle.length} bytes)`);
  }
}
