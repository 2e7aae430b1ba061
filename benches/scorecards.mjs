// How the scorecard copes with size: loads generated workspaces of 100, 1,000 and 10,000 KPIs into the
// release build in headless Chromium and prints
// - the time to open the organisational scorecard (loading the workspace from storage included), beside the
//   time the same browser takes to show a static HTML table of every row on the scorecard (the app draws the
//   first 100 and offers the rest);
// - the pause a person sees when they search or sort: from the event to the next painted frame, measured in
//   the page (median of five), beside the time the same browser takes to replace a static table's rows with
//   as many new ones and paint them.
// The ratios are the figures to watch. A benchmark: it prints, it asserts nothing.
//
// Run after `trunk build --release`:  node benches/scorecards.mjs [sizes…]
import { execFileSync } from 'node:child_process';
import { serveStatic } from '../tests/e2e/support/server.mjs';
import { launchBrowser } from '../tests/e2e/support/browser.mjs';

const SIZES = process.argv.slice(2).map(Number).filter(Boolean);
const sizes = SIZES.length > 0 ? SIZES : [100, 1000, 10000];
const COLUMNS = 14;

function workspaceText(kpis) {
  return execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'bench_workspace', '--', String(kpis), '7'], {
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
}

/**
 * Runs in the page: does one thing, then waits for the next frame to be painted, and returns the time from
 * the event to that paint (what a person sees as the pause). `search` types into the scorecard's search box,
 * `sort` clicks the RAG heading, and `redraw` replaces a static table's rows with as many new ones.
 */
async function untilPainted({ act, text, rows }) {
  const started = performance.now();
  if (act === 'search') {
    const input = document.querySelector('[data-testid=scorecard-search]');
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  } else if (act === 'sort') {
    document.querySelector('[data-testid=sort-rag]').click();
  } else {
    const cell = `Changed at ${started}`;
    document.querySelector('tbody').innerHTML = Array.from({ length: rows }, (_, r) =>
      `<tr>${Array.from({ length: 14 }, (_, c) => `<td>${c === 1 ? `KPI ${r}` : cell}</td>`).join('')}</tr>`,
    ).join('');
  }
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return performance.now() - started;
}

/** Runs `act` (then `undo`, untimed) five times and returns the times of `act`. */
async function repeat(act, undo = async () => {}) {
  const times = [];
  for (let i = 0; i < 5; i += 1) {
    times.push(await act());
    await undo();
  }
  return times;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed(work) {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** The same number of rows and columns as a plain HTML table, with text of a similar length. */
function staticTable(rows) {
  const cell = 'Performance fell again in the winter peak';
  const body = Array.from({ length: rows }, (_, r) =>
    `<tr>${Array.from({ length: COLUMNS }, (_, c) => `<td>${c === 1 ? `KPI ${r}` : cell}</td>`).join('')}</tr>`,
  ).join('');
  return `<!doctype html><html lang="en"><body><table><caption>Static</caption><tbody>${body}</tbody></table></body></html>`;
}

const server = await serveStatic('dist');
const browser = await launchBrowser();
console.log('KPIs in workspace | KPIs on scorecard | rows drawn | open ms | static table (all rows) ms | ratio | search ms | sort ms | static redraw ms | search ratio | sort ratio');
for (const size of sizes) {
  const text = workspaceText(size);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.origin}/help`);
  // Let the app finish its first save, so nothing of its own is waiting to be written when the page is left.
  await page.waitForFunction(() => window.localStorage.getItem('council-pmf.workspace') !== null);
  await page.waitForTimeout(100);
  await page.evaluate((packed) => window.localStorage.setItem('council-pmf.workspace', packed), text);
  const summary = page.getByTestId('summary-shown');
  const render = await timed(async () => {
    await page.goto(`${server.origin}/scorecards`);
    await summary.waitFor({ timeout: 600_000 });
  });
  const notice = page.getByTestId('startup-notice');
  if ((await notice.count()) > 0) {
    console.log(`${size} | the workspace did not load: ${(await notice.textContent()).trim()}`);
    await context.close();
    continue;
  }
  const shown = Number((await summary.textContent()).match(/of (\d+)/)[1]);
  const drawn = await page.getByTestId('scorecard-row').count();
  const search = median(await repeat(() => page.evaluate(untilPainted, { act: 'search', text: 'area 1' }), () => page.evaluate(untilPainted, { act: 'search', text: '' })));
  const sort = median(await repeat(() => page.evaluate(untilPainted, { act: 'sort' })));
  const baselinePage = await context.newPage();
  const baseline = await timed(() => baselinePage.setContent(staticTable(shown)));
  await baselinePage.setContent(staticTable(drawn));
  const redraw = median(await repeat(() => baselinePage.evaluate(untilPainted, { act: 'redraw', rows: drawn })));
  console.log(
    [size, shown, drawn, render.toFixed(0), baseline.toFixed(0), (render / baseline).toFixed(1), search.toFixed(0), sort.toFixed(0), redraw.toFixed(0), (search / redraw).toFixed(1), (sort / redraw).toFixed(1)].join(' | '),
  );
  await context.close();
}
await browser.close();
await server.close();
