// How importing a large file feels: in the release build in headless Chromium, imports the exported file of
// a workspace of N KPIs with 60 monthly values each (every value with commentary) on the Data page and prints
// the file size, the app's time from the first progress step to the preview, the time of each step (the page
// repaints between steps, so the longest step is the longest the page stops responding), and how long
// Chromium takes just to JSON.parse the same file. (Handing a large file to the page through the DevTools
// protocol takes seconds of its own; it happens before the first step and is not counted.)
// A benchmark: it prints, it asserts nothing.
//
// Run after `trunk build --release`:  node benches/import.mjs [sizes…]
import { execFileSync } from 'node:child_process';
import { serveStatic } from '../tests/e2e/support/server.mjs';
import { launchBrowser } from '../tests/e2e/support/browser.mjs';

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const server = await serveStatic('dist');
const browser = await launchBrowser();
console.log('KPIs | file MB | first step to preview ms | longest step ms | JSON.parse alone ms | each step');
for (const size of sizes.length > 0 ? sizes : [250, 1000]) {
  const text = execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'bench_workspace', '--', String(size), '60', 'file'], {
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  const page = await browser.newPage();
  await page.goto(`${server.origin}/data`);
  await page.getByTestId('workspace-counts').waitFor();
  await page.evaluate(() => {
    window.__steps = [];
    new MutationObserver(() => {
      const progress = document.querySelector('[data-testid=import-progress] label')?.textContent;
      const last = window.__steps.at(-1);
      if (progress && progress !== last?.[0]) window.__steps.push([progress, performance.now()]);
      if (!progress && document.querySelector('[data-testid=import-preview]') && last?.[0] !== 'preview') {
        window.__steps.push(['preview', performance.now()]);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByTestId('import-file').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByTestId('import-preview').or(page.getByTestId('import-refused')).waitFor({ timeout: 600_000 });
  const marks = await page.evaluate(() => window.__steps);
  const durations = marks.slice(1).map(([, at], i) => at - marks[i][1]);
  const total = marks.at(-1)[1] - marks[0][1];
  const steps = durations.map((ms, i) => `step ${i + 1}: ${ms.toFixed(0)} ms`);
  const parse = await page.evaluate((json) => {
    const t = performance.now();
    JSON.parse(json);
    return performance.now() - t;
  }, text);
  console.log([size, (text.length / 1e6).toFixed(1), total.toFixed(0), Math.max(...durations).toFixed(0), parse.toFixed(0), steps.join(', ')].join(' | '));
  await page.close();
}
await browser.close();
await server.close();
