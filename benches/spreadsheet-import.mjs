// How reading a council's spreadsheet feels: in the release build in headless Chromium, chooses an Excel
// workbook of N rows (a published scorecard: one row per KPI per quarter, N / 4 KPIs over four quarters) in the
// Data page's spreadsheet import and prints the time from choosing it to the preview, the longest task the
// page ran meanwhile (Chromium's long-task timing: while one runs the page does not respond), the number of
// tasks over 50 ms, and the size of the spreadsheet reader's worker. The file is given to the page from disk,
// as a person's choice is: handed over as bytes, Playwright would build the file in the page from base64 in a
// task of its own (about 260 ms for the 5,000-row workbook), which is the benchmark's cost, not the app's.
// A benchmark: it prints, it asserts nothing.
//
// Run after `trunk build --release`:  node benches/spreadsheet-import.mjs [rows…]   (default 500 5000)
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveStatic } from '../tests/e2e/support/server.mjs';
import { launchBrowser } from '../tests/e2e/support/browser.mjs';
import { xlsx } from '../tests/e2e/support/xlsx.mjs';

const counts = process.argv.slice(2).map(Number).filter(Boolean);
const reader = readdirSync('dist').find((file) => /^sheet-reader-[0-9a-f]+\.wasm$/.test(file));
if (reader) {
  const bytes = readFileSync(`dist/${reader}`);
  console.log(`spreadsheet reader's worker: ${(bytes.length / 1024).toFixed(1)} KB, ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} KB gzip`);
}
const folder = mkdtempSync(join(tmpdir(), 'spreadsheet-bench-'));

/** A published scorecard of `rows` rows: KPI i in quarter q of 2025/26. */
function scorecard(rows) {
  const lines = [['Indicator', 'Quarter', 'Good is', 'Target', 'Actual', 'Status']];
  for (let i = 0; lines.length <= rows; i += 1) {
    const kpi = Math.floor(i / 4);
    lines.push([`Indicator ${kpi + 1}`, `Q${(i % 4) + 1} 2025/26`, 'High', 100 + kpi, 95 + (i % 10), 'Amber']);
  }
  return xlsx([{ name: 'Scorecard', rows: lines }]);
}

const server = await serveStatic('dist');
const browser = await launchBrowser();
console.log('rows | file KB | choose to preview ms | longest task ms | tasks over 50 ms');
for (const rows of counts.length > 0 ? counts : [500, 5000]) {
  const file = scorecard(rows);
  const page = await browser.newPage();
  await page.goto(`${server.origin}/data`);
  await page.getByTestId('spreadsheet-import-file').waitFor();
  await page.evaluate(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => window.__tasks.push(...list.getEntries().map((e) => e.duration))).observe({
      type: 'longtask',
    });
  });
  const path = join(folder, `scorecard-${rows}.xlsx`);
  writeFileSync(path, file);
  const started = Date.now();
  await page.getByTestId('spreadsheet-import-file').setInputFiles(path);
  await page.getByTestId('spreadsheet-summary').waitFor({ timeout: 120_000 });
  const elapsed = Date.now() - started;
  const tasks = await page.evaluate(() => window.__tasks);
  const longest = Math.max(0, ...tasks);
  console.log(`${rows} | ${(file.length / 1024).toFixed(0)} | ${elapsed} | ${longest.toFixed(0)} | ${tasks.length}`);
  await page.close();
}
await browser.close();
await server.close();
