// End-to-end tests of the overview page (`/`) on the demo council: its counts equal the organisational
// scorecard's at the same date, each ambition's and directorate's row opens the scorecard narrowed to it with the
// same counts, the exceptions link to their KPIs worst first, what is due is listed, and the page fits a tablet
// and one sheet of A4. Every visit is also checked for console errors, outside requests and axe violations.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_DAY, useApp } from './support/harness.mjs';
import { ScorecardsPage } from './pages/scorecards-page.mjs';

const app = useApp();
const STATUSES = ['red', 'amber', 'green'];

/** The council's red, amber and green counts on the overview. */
async function overviewCounts(page) {
  const counts = {};
  for (const status of STATUSES) {
    counts[status] = Number(await page.getByTestId(`overview-${status}`).locator('.app-summary__count').textContent());
  }
  return counts;
}

/** The summary strip's red, amber and green counts on the scorecards page. */
async function scorecardCounts(page) {
  const counts = {};
  for (const status of STATUSES) {
    counts[status] = Number(await page.getByTestId(`summary-${status}`).locator('.app-summary__count').textContent());
  }
  return counts;
}

/** The cells of a table's rows, as text. */
function tableCells(page, testId) {
  return page.getByTestId(testId).locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent.trim())),
  );
}

test('the overview counts the organisational scorecard at the same date, and each row opens its narrowed scorecard', async () => {
  await app.visit('/', async (page) => {
    await page.getByTestId('overview').waitFor();
    // On 15 October 2026 the latest month ended is September: the scorecard's default date.
    assert.equal(await page.getByTestId('overview-as-at').textContent(), '30 September 2026');
    const overview = await overviewCounts(page);
    const notRated = Number(await page.getByTestId('overview-not-rated').locator('.app-summary__count').textContent());
    // The organisational scorecard holds the 64 strategic and corporate KPIs that are not retired (src/demo/kpis.rs:
    // 70 KPIs less five operational ones and one retired SKPI).
    assert.equal(overview.red + overview.amber + overview.green + notRated, 64);

    const ambitions = await tableCells(page, 'overview-ambitions');
    // The demo's council plan has seven ambitions (src/demo/structure.rs); its five directorates each have KPIs.
    assert.equal(ambitions.length, 7);
    assert.equal((await tableCells(page, 'overview-directorates')).length, 5);
    const [name, red, amber, green] = ambitions[2];
    await page.getByTestId('overview-ambitions').getByRole('link', { name }).click();
    const narrowed = await new ScorecardsPage(page).ready();
    await page.waitForURL(/ambition=/);
    assert.deepEqual(await scorecardCounts(page), { red: Number(red), amber: Number(amber), green: Number(green) },
      `${name}: the same counts on its scorecard`);
    assert.match(await narrowed.title.textContent(), /as at 30 September 2026$/);

    await page.goto(`${app.origin()}/scorecards`);
    await new ScorecardsPage(page).ready();
    assert.deepEqual(await scorecardCounts(page), overview, 'the council counts equal the organisational scorecard');
  }, { now: DEMO_DAY });
});

test('the exceptions come worst first and open their KPI; what is due is listed', async () => {
  await app.visit('/', async (page) => {
    const exceptions = page.getByTestId('overview-exceptions');
    await exceptions.waitFor();
    const rows = await tableCells(page, 'overview-exceptions');
    assert.ok(rows.length > 0 && rows.length <= 10, `${rows.length} exceptions listed`);
    const reds = Number(await page.getByTestId('overview-red').locator('.app-summary__count').textContent());
    // Red comes first: the first min(reds, 10) rows are the red KPIs, rated red and given "Red" as the reason.
    for (const [kpi, , rag, why] of rows.slice(0, Math.min(reds, 10))) {
      assert.match(rag, /^Red/, `${kpi} is red`);
      assert.match(why, /^Red/, `${kpi}: why`);
    }
    const caption = await exceptions.locator('caption').textContent();
    const all = Number(caption.match(/\((\d+) in all\)/)[1]);
    assert.ok(all >= reds, `${all} exceptions include the ${reds} reds`);
    if (all > 10) {
      assert.match(await page.getByTestId('overview-more-exceptions').textContent(), new RegExp(`^${all - 10} more`));
    }
    const [first] = rows[0];
    await exceptions.getByRole('link', { name: first }).click();
    await page.waitForURL(/\/scorecards\/kpi\//);
    assert.equal((await page.getByTestId('page-heading').textContent()).trim(), first);
    await page.goBack();

    const due = page.getByTestId('overview-due');
    await due.waitFor();
    // September's sheets: every directorate has monthly KPIs due.
    assert.equal(await page.getByTestId('overview-validation').locator('caption').textContent(), 'Validation sheets for Sep 2026');
    assert.equal((await tableCells(page, 'overview-validation')).length, 5);
    assert.match(await page.getByTestId('overview-risk-reviews').locator('caption').textContent(),
      /^Risk reviews: \d+ overdue, \d+ due in the next 30 days$/);
    const committees = await tableCells(page, 'overview-committees');
    assert.ok(committees.length > 0, 'committee reports are coming up');
    // One row a date, each naming its committees' performance reports.
    assert.ok(committees.every(([, reports]) => /performance report/.test(reports)), committees.join(' | '));
  }, { now: DEMO_DAY });
});

test('the overview fits a tablet without scrolling sideways and prints on one sheet of A4', async () => {
  await app.visit('/', async (page) => {
    await page.getByTestId('overview-due').waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 820, `the page is ${width} px wide at 820 px`);
    await page.emulateMedia({ media: 'print' });
    const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page[^s]/g) ?? [];
    assert.equal(pages.length, 1, 'the overview fits one sheet of A4');
    await page.emulateMedia({ media: 'screen' });
  }, { now: DEMO_DAY, contextOptions: { viewport: { width: 820, height: 1180 } } });
});
