// End-to-end tests of committee reports on the demo council: the report for a committee holds its sections
// with exceptions first; printed, it has no app chrome, a section a page and the running head; downloaded as
// a web page it opens on its own with no request, nothing to run and no axe violation; its tables download as
// CSV. Every visit is also checked for console errors, outside requests and axe violations.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_DAY, useApp } from './support/harness.mjs';
import { axeViolations } from './support/axe.mjs';
import { ReportsPage } from './pages/reports-page.mjs';

const app = useApp();

const COMMITTEE = 'Adults and Health Committee';

// The Adults and Health Committee's report on DEMO_DAY (15 October 2026): the latest quarter ended is Q2 2026/27,
// so each KPI is shown at its latest period as at 30 September 2026 (monthly: Sep 2026; quarterly: Q2 2026/27;
// annual: 2025/26). Worked out by hand from the demo council (src/demo/kpis.rs and the exported workspace):
//
// The committee's KPIs: every strategic KPI is reported to its directorate's committee and to com-srp
// (src/demo/mod.rs), so com-ah holds the ten skpi-ahc-* KPIs, none retired: 10 rows on the full scorecard.
//
// Rated (RAG rule: more than 10% off target is red, within 10% amber, on target green):
//   skpi-ahc-assess      78.8% against 96.0%: (96.0 − 78.8) / 96.0 = 17.9% off → Red
//   skpi-ahc-healthcheck cumulative, year to date Q1 3.1% + Q2 3.0% = 6.1% against 14.9% × 2/4 = 7.45%:
//                        (7.45 − 6.1) / 7.45 = 18.1% off → Red
//   skpi-ahc-delayed     17.5 against 14.4 (lower is better): 21.5% over → red, but overridden Amber by hand
//   skpi-ahc-carers      cumulative, Apr–Sep 128 + 121 + 136 + 137 + 148 + 151 = 821 against 1,730 × 6/12 = 865:
//                        5.1% off → Amber
//   reable 85.2% ≥ 82.0%, respcare 130.9 + 138.4 = 269.3 ≤ 560 × 2/4 = 280, direct 23.9% ≥ 23.5%, safeguard
//   92.8% ≥ 89.0%, smoking 11.7% ≤ 12.2% → Green; lifegap is a baseline KPI → not rated.
// Exceptions (src/domain/reporting/performance_report.rs: red; forecast red when not already red; green but
// declining; data-quality warnings; ordered by the most serious reason, then register order):
//   Red: assess, healthcheck.
//   Forecast to miss the year-end target (src/domain/maths/forecast: the two methods that forecast the last
//     two years best, combined): delayed — seasonal (the demo's model, src/demo/series.rs, peaks in January),
//     so the chosen pair is seasonal naive (March 2026's 20.7) and damped Holt–Winters (about 21.9); between
//     them the forecast is at least 20.7 against a year-end target of 14.4 (lower is better), 44% over: red
//     whatever the weights. Direct — level at about 27 for three years, falling since April (27.1 → 23.9):
//     naive (23.9) and seasonal naive (March 2026's 27.1) forecast the recent past best; between them the
//     forecast is at least 23.9, above the 23.5 target (higher is better): not red. Carers:
//     seasonal naive gives 821 + last year's Oct–Mar (142 + 140 + 124 + 121 + 128 + 113 = 768) = 1,589, 8.2%
//     short of 1,730, and its partner carries on at this year's pace (821 / 6 ≈ 137 a month): about 1,600,
//     amber, not red. The other greens are level or rising.
//   Green but declining: direct — its last six values 26.5, 25.9, 25.3, 24.7, 24.4, 23.9 have mean 25.117 and
//     least-squares slope Σ(x − 2.5)(y − ȳ) / 17.5 = −9.05 / 17.5 = −0.517 a month, a fall of 2.59 over the
//     window, more than 5% of the mean (1.26): worsening. No other green falls that far.
//   Data quality: none — every series is complete to its period and none is late (only corp-cs-complaints and
//     corp-sp-foi are late in the demo).
// So four exceptions, in this order:
const EXCEPTIONS = [
  ['% of Care Act assessments completed within 28 days', 'Red'],
  ['% of eligible people receiving an NHS Health Check', 'Red'],
  ['Delayed discharges from hospital per day (social care)', 'Forecast to miss the year-end target'],
  ['% of people receiving self-directed support as a direct payment', 'Green but declining'],
];
/** The order of the reasons (ExceptionReason): an exception's first reason places it. */
const REASONS = ['Red', 'Forecast to miss the year-end target', 'Green but declining', 'Data-quality warning'];

test('a committee report holds the summary, the exceptions first and the full scorecard', async () => {
  await app.visit('/reports', async (page) => {
    const reports = new ReportsPage(page);
    await reports.choose(COMMITTEE);
    const quarter = await reports.chosenQuarter();
    assert.equal(quarter, 'Q2 2026/27 (July to September 2026)', 'the latest quarter ended by 15 October 2026');
    assert.match(await reports.title.textContent(), new RegExp(`^${COMMITTEE}: performance report, Q\\d \\d{4}/\\d{2}$`));
    assert.match(await reports.head.textContent(), new RegExp(quarter.split(' (')[0]));

    assert.deepEqual(await reports.sectionHeadings(), ['Summary', 'Exceptions', 'Full scorecard'], 'summary, exceptions, then the scorecard');

    const scorecardRows = await reports.scorecardRows.count();
    assert.equal(scorecardRows, 10, 'the ten skpi-ahc-* KPIs on the committee’s scorecard');
    assert.match(await reports.summary.textContent(), new RegExp(`${scorecardRows} KPIs are reported`));
    assert.match(await reports.summary.textContent(), /2 red, 2 amber, 5 green, 1 not rated/);

    const listed = await reports.exceptionRows.count();
    assert.equal(await reports.exceptions.count(), listed, 'each exception in the table has its own section');
    assert.equal(listed, EXCEPTIONS.length, 'the demo committee has four exceptions');
    const why = await reports.exceptionReasons();
    assert.deepEqual(why, EXCEPTIONS.map(([, reason]) => reason), 'red first, then forecast red, then declining');
    const ranks = why.map((w) => REASONS.indexOf(w.split('; ')[0]));
    assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), 'every red before every other reason, and so on');
    assert.deepEqual(await reports.exceptionNames(), EXCEPTIONS.map(([name]) => name), 'in register order within a reason');
    const first = reports.exceptions.first();
    assert.ok((await first.locator('svg.app-chart').count()) === 1, 'an exception has its chart');
    // The chart shows the last eight values (CHART_POINTS): Feb to Sep 2026 for this monthly KPI.
    assert.equal(await first.getByTestId('report-chart-values').locator('tbody tr').count(), 8, 'and its values as a table');
    assert.match(await first.textContent(), /Action plan/);

    // The quarter lives in the address: a copied link opens the same report.
    const heading = await reports.title.textContent();
    await page.goto(page.url());
    await reports.choose(COMMITTEE);
    assert.equal(await reports.title.textContent(), heading);
  }, { now: DEMO_DAY });
});

test('printed, the report has no app chrome, a section a page and its running head', async () => {
  await app.visit('/reports', async (page) => {
    await new ReportsPage(page).choose(COMMITTEE);
    const head = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--running-head'),
    );
    assert.match(head, new RegExp(`Wealdshire County Council · ${COMMITTEE} · Q\\d`));
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.app-header', '.app-footer', '[data-testid="report-actions"]', '#report-scope']) {
      assert.equal(await page.locator(chrome).first().isVisible(), false, `${chrome} is not printed`);
    }
    for (const section of ['report-summary', 'report-exceptions', 'report-scorecard']) {
      assert.ok(await page.getByTestId(section).isVisible(), `${section} is printed`);
      const breaks = await page.getByTestId(section).evaluate((e) => getComputedStyle(e).breakBefore);
      assert.equal(breaks, section === 'report-summary' ? 'auto' : 'page');
    }
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
    const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 3, `${pages} A4 pages: one or more per section`);
    await page.emulateMedia({ media: 'screen' });
  });
});

test('downloaded as a web page, the report opens on its own with no request, no script and no axe violation', async () => {
  await app.visit('/reports', async (page) => {
    const reports = await new ReportsPage(page).choose(COMMITTEE);
    const download = await reports.download('report-download-html');
    assert.match(download.suggestedFilename(), /^wealdshire-county-council-adults-and-health-committee-\d{4}-\d{2}-q\d-report-\d{4}-\d{2}-\d{2}\.html$/);
    // Saved under its own name, so the browser opens it as the web page it is.
    const path = join(await mkdtemp(join(tmpdir(), 'pmf-report-')), download.suggestedFilename());
    await download.saveAs(path);
    const html = await readFile(path, 'utf8');
    assert.ok(!/<script/i.test(html), 'no script');

    const tab = await page.context().newPage();
    const requests = [];
    tab.on('request', (r) => requests.push(r.url()));
    const errors = [];
    tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await tab.goto(`file://${path}`);
    assert.deepEqual(requests, [`file://${path}`], 'the file asks for nothing else');
    assert.deepEqual(errors, []);
    assert.match(await tab.locator('h1').textContent(), new RegExp(`^${COMMITTEE}: performance report`));
    assert.equal(
      await tab.getByTestId('report-exception').count(),
      await reports.exceptions.count(),
      'the file holds the exceptions the page shows',
    );
    assert.deepEqual(await axeViolations(tab), []);
    await tab.close();
  });
});

test('each report table downloads as CSV with the rows the page shows', async () => {
  await app.visit('/reports', async (page) => {
    const reports = await new ReportsPage(page).choose(COMMITTEE);
    const rows = await reports.scorecardRows.count();
    const { file, bom, lines } = await reports.downloadCsvLines('report-csv-scorecard');
    assert.match(file.suggestedFilename(), /-scorecard-\d{4}-\d{2}-\d{2}\.csv$/);
    assert.equal(bom, true, 'the byte-order mark Excel needs to show "£"');
    assert.equal(lines[0], 'KPI,Period,Value,Target,Rating,Change,Trend,Variation and assurance (SPC),Forecast');
    // The report's scorecard draws the Making Data Count icons with their words, as the CSV writes them.
    const icons = reports.scorecardTable.locator('.app-mdc__label');
    assert.ok((await icons.count()) > 0, 'the icons are drawn');
    assert.ok(lines.slice(1).some((line) => /(Common cause|Improving|Concerning|Special cause)/.test(line)));
    assert.equal(lines.length - 1, rows);
    const firstKpi = (await reports.scorecardRows.locator('th').first().textContent()).trim();
    assert.ok(lines[1].startsWith(firstKpi.includes(',') ? `"${firstKpi}"` : firstKpi));

    const actionRows = await reports.actionTables.locator('tbody tr').count();
    const { bom: actionsBom, lines: actionLines } = await reports.downloadCsvLines('report-csv-actions');
    assert.equal(actionsBom, true);
    assert.equal(actionLines[0], 'KPI,Action,Owner,Due,Status');
    assert.equal(actionLines.length - 1, actionRows, 'every action plan shown under the exceptions');
  });
});

test('presentation mode steps through the slides with the keyboard and goes back with Escape', async () => {
  await app.visit('/reports', async (page) => {
    const reports = await new ReportsPage(page).choose(COMMITTEE);
    const exceptions = await reports.exceptions.count();
    const deck = await reports.present();
    assert.match(page.url(), /\/reports\/present\?scope=committee/);
    const total = await deck.total();
    // Title, summary, then each ambition the committee's KPIs serve with its exceptions after it
    // (src/domain/reporting/presentation.rs). On DEMO_DAY (see the first test) the ten skpi-ahc-* KPIs serve
    // ambitions 3 and 4 (skpi-ahc-delayed serves both) and none serves no ambition:
    //   Ambition 3: delayed, smoking, healthcheck, lifegap → exceptions healthcheck (red), delayed (forecast)
    //   Ambition 4: assess, reable, delayed, respcare, direct, carers, safeguard → assess, delayed, direct
    // 2 + (1 + 2) + (1 + 3) = 9 slides.
    assert.equal(total, 9, `${total} slides: title, summary, two ambitions and five exception slides`);
    assert.match(await deck.slide.textContent(), new RegExp(`${COMMITTEE}: performance report`));
    assert.equal(await deck.previous.isDisabled(), true);

    await deck.press('ArrowRight', 2);
    assert.equal(await deck.counterText(), `Slide 2 of ${total}`);
    assert.match(await deck.heading(), /^Summary$/);
    assert.match(page.url(), /&slide=2$/, 'the slide is in the address');
    await deck.press('ArrowRight', 3);
    assert.match(await deck.heading(), /^(Ambition \d+: |Other KPIs)/);
    // Back steps back through the slides.
    await page.goBack();
    await page.getByTestId('slide-counter').filter({ hasText: `Slide 2 of ${total}` }).waitFor();
    await deck.press('End', total);
    assert.equal(await deck.counterText(), `Slide ${total} of ${total}`);
    assert.equal(await deck.next.isDisabled(), true);
    await deck.press('ArrowLeft', total - 1);
    assert.equal(await deck.counterText(), `Slide ${total - 1} of ${total}`);
    // Slide 7 is skpi-ahc-assess's (the order worked out above), monthly with three years of figures: its slide
    // carries its Making Data Count icons in words.
    await deck.press('ArrowLeft', total - 2);
    assert.match(await deck.heading(), /Care Act assessments/);
    assert.match(await deck.slide.getByTestId('mdc-variation-icon').textContent(), /(Common cause|Special cause)/);
    await deck.press('Home', 1);
    assert.equal(await deck.counterText(), `Slide 1 of ${total}`);

    // Every exception has a slide (under each ambition it serves) with its large chart and the figures behind it.
    const charted = new Set();
    for (let n = 1; n < total; n += 1) {
      await deck.press('PageDown');
      if ((await deck.slide.locator('svg.app-chart').count()) === 1) {
        charted.add(await deck.heading());
        // The last eight values (CHART_POINTS): every one of these KPIs has more than eight.
        assert.equal(await deck.slide.locator('table tbody tr').count(), 8);
      }
    }
    assert.equal(charted.size, exceptions);

    await page.keyboard.press('Escape');
    await page.waitForURL(/\/reports\?scope=committee/);
    await reports.ready();
  }, { now: DEMO_DAY });
});
