// How reading a council's spreadsheet feels: in the release build in headless Chromium, chooses an Excel
// workbook of N rows (a published scorecard: one row per KPI per quarter, N / 4 KPIs over four quarters) in the
// Data page's spreadsheet import and prints the time from choosing it to the preview, the longest task the
// page ran meanwhile (Chromium's long-task timing: while one runs the page does not respond), the number of
// tasks over 50 ms, and the size of the on-demand module that reads workbooks.
// A benchmark: it prints, it asserts nothing.
//
// Run after `trunk build --release`:  node benches/spreadsheet-import.mjs [rows…]   (default 500 5000)
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { serveStatic } from '../tests/e2e/support/server.mjs';
import { launchBrowser } from '../tests/e2e/support/browser.mjs';
import { xlsx } from '../tests/e2e/support/xlsx.mjs';

const counts = process.argv.slice(2).map(Number).filter(Boolean);
const reader = readdirSync('dist').find((file) => file.startsWith('lazy-read-sheets-on-demand-'));
if (reader) {
  const bytes = readFileSync(`dist/${reader}`);
  console.log(`workbook reader module: ${(bytes.length / 1024).toFixed(1)} KB, ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} KB gzip`);
}

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
  const started = Date.now();
  await page.getByTestId('spreadsheet-import-file').setInputFiles({
    name: `scorecard-${rows}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: file,
  });
  await page.getByTestId('spreadsheet-summary').waitFor({ timeout: 120_000 });
  const elapsed = Date.now() - started;
  const tasks = await page.evaluate(() => window.__tasks);
  const longest = Math.max(0, ...tasks);
  console.log(`${rows} | ${(file.length / 1024).toFixed(0)} | ${elapsed} | ${longest.toFixed(0)} | ${tasks.length}`);
  await page.close();
}
await browser.close();
await server.close();
