// How importing a large file feels: in the release build in headless Chromium, imports the exported file of
// a workspace of N KPIs with 60 monthly values each (every value with commentary) on the Data page and prints
// the file size, the time until the preview shows, and the longest stretch the page could not respond
// (the longest "long task"), next to how long Chromium takes just to JSON.parse the same file.
// A benchmark: it prints, it asserts nothing.
//
// Run after `trunk build --release`:  node benches/import.mjs [sizes…]
import { execFileSync } from 'node:child_process';
import { serveStatic } from '../tests/e2e/support/server.mjs';
import { launchBrowser } from '../tests/e2e/support/browser.mjs';

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const server = await serveStatic('dist');
const browser = await launchBrowser();
console.log('KPIs | file MB | preview ms | longest block ms | JSON.parse alone ms');
for (const size of sizes.length > 0 ? sizes : [250, 1000]) {
  const text = execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'bench_workspace', '--', String(size), '60', 'file'], {
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  const page = await browser.newPage();
  await page.goto(`${server.origin}/data`);
  await page.getByTestId('workspace-counts').waitFor();
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  const started = performance.now();
  await page.getByTestId('import-file').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByTestId('import-preview').or(page.getByTestId('import-refused')).waitFor({ timeout: 600_000 });
  const preview = performance.now() - started;
  const longest = await page.evaluate(() => window.__longest);
  const parse = await page.evaluate((json) => {
    const t = performance.now();
    JSON.parse(json);
    return performance.now() - t;
  }, text);
  console.log([size, (text.length / 1e6).toFixed(1), preview.toFixed(0), longest.toFixed(0), parse.toFixed(0)].join(' | '));
  await page.close();
}
await browser.close();
await server.close();
