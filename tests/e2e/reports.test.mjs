// End-to-end tests of committee reports on the demo council: the report for a committee holds its sections
// with exceptions first; printed, it has no app chrome, a section a page and the running head; downloaded as
// a web page it opens on its own with no request, nothing to run and no axe violation; its tables download as
// CSV. Every visit is also checked for console errors, outside requests and axe violations.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useApp } from './support/harness.mjs';
import { axeViolations } from './support/axe.mjs';

const app = useApp();

const COMMITTEE = 'Adults and Health Committee';

/** Opens the reports page and chooses the committee's report. */
async function openCommitteeReport(page) {
  await page.getByTestId('report-scope').locator('option').nth(1).waitFor({ state: 'attached' });
  await page.getByTestId('report-scope').selectOption({ label: COMMITTEE });
  await page.waitForURL(/scope=committee/);
  const heading = page.locator('#report-title');
  await heading.waitFor();
  return heading;
}

test('a committee report holds the summary, the exceptions first and the full scorecard', async () => {
  await app.visit('/reports', async (page) => {
    const heading = await openCommitteeReport(page);
    const quarter = await page.getByTestId('report-quarter').locator('option:checked').textContent();
    assert.match(await heading.textContent(), new RegExp(`^${COMMITTEE}: performance report, Q\\d \\d{4}/\\d{2}$`));
    assert.match(await page.locator('.app-report__head').textContent(), new RegExp(quarter.split(' (')[0]));

    const sections = await page.locator('[data-testid="report"] > section h3').allTextContents();
    assert.deepEqual(sections, ['Summary', 'Exceptions', 'Full scorecard'], 'summary, exceptions, then the scorecard');

    const scorecardRows = await page.getByTestId('report-scorecard-table').locator('tbody tr').count();
    assert.ok(scorecardRows >= 3, `${scorecardRows} KPIs on the committee's scorecard`);
    const summary = await page.getByTestId('report-summary').textContent();
    assert.match(summary, new RegExp(`${scorecardRows} KPIs are reported`));

    const exceptions = page.getByTestId('report-exception');
    const listed = await page.getByTestId('report-exceptions-table').locator('tbody tr').count();
    assert.equal(await exceptions.count(), listed, 'each exception in the table has its own section');
    assert.ok(listed >= 1, 'the demo committee has exceptions');
    const why = await page.getByTestId('report-exceptions-table').locator('tbody tr td:nth-of-type(1)').allTextContents();
    const firstRed = why.findIndex((w) => w.startsWith('Red'));
    if (firstRed >= 0) {
      assert.ok(why.slice(0, firstRed).every((w) => w.startsWith('Red')), 'red KPIs come first');
    }
    const first = exceptions.first();
    assert.ok((await first.locator('svg.app-chart').count()) === 1, 'an exception has its chart');
    assert.ok((await first.getByTestId('report-chart-values').locator('tbody tr').count()) >= 1, 'and its values as a table');
    assert.match(await first.textContent(), /Action plan/);

    // The quarter lives in the address: a copied link opens the same report.
    const url = page.url();
    await page.goto(url);
    assert.equal(await (await openCommitteeReport(page)).textContent(), await heading.textContent());
  });
});

test('printed, the report has no app chrome, a section a page and its running head', async () => {
  await app.visit('/reports', async (page) => {
    await openCommitteeReport(page);
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
    await openCommitteeReport(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-download-html').click(),
    ]);
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
      await page.getByTestId('report-exception').count(),
      'the file holds the exceptions the page shows',
    );
    assert.deepEqual(await axeViolations(tab), []);
    await tab.close();
  });
});

test('each report table downloads as CSV with the rows the page shows', async () => {
  await app.visit('/reports', async (page) => {
    await openCommitteeReport(page);
    const rows = await page.getByTestId('report-scorecard-table').locator('tbody tr').count();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-csv-scorecard').click(),
    ]);
    assert.match(download.suggestedFilename(), /-scorecard-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await readFile(await download.path(), 'utf8')).trimEnd().split('\r\n');
    assert.equal(lines[0], 'KPI,Period,Value,Target,Rating,Change,Trend,Forecast');
    assert.equal(lines.length - 1, rows);
    const firstKpi = (await page.getByTestId('report-scorecard-table').locator('tbody tr th').first().textContent()).trim();
    assert.ok(lines[1].startsWith(firstKpi.includes(',') ? `"${firstKpi}"` : firstKpi));

    const actionRows = await page.getByTestId('report-actions').locator('tbody tr').count();
    const [actions] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-csv-actions').click(),
    ]);
    const actionLines = (await readFile(await actions.path(), 'utf8')).trimEnd().split('\r\n');
    assert.equal(actionLines[0], 'KPI,Action,Owner,Due,Status');
    assert.equal(actionLines.length - 1, actionRows, 'every action plan shown under the exceptions');
  });
});

test('presentation mode steps through the slides with the keyboard and goes back with Escape', async () => {
  await app.visit('/reports', async (page) => {
    await openCommitteeReport(page);
    const exceptions = await page.getByTestId('report-exception').count();
    await page.getByTestId('report-present').click();
    await page.waitForURL(/\/reports\/present\?scope=committee/);
    const counter = page.getByTestId('slide-counter');
    await counter.waitFor();
    const total = Number((await counter.textContent()).match(/of (\d+)/)[1]);
    assert.ok(total >= 2 + 1 + exceptions, `${total} slides: title, summary, an ambition or more, and each exception`);
    const slide = page.getByTestId('slide');
    assert.match(await slide.textContent(), new RegExp(`${COMMITTEE}: performance report`));
    assert.equal(await page.getByTestId('slide-previous').isDisabled(), true);

    await page.keyboard.press('ArrowRight');
    assert.equal((await counter.textContent()).trim(), `Slide 2 of ${total}`);
    assert.match(await slide.locator('h2').textContent(), /^Summary$/);
    await page.keyboard.press('ArrowRight');
    assert.match(await slide.locator('h2').textContent(), /^(Ambition \d+: |Other KPIs)/);
    await page.keyboard.press('End');
    assert.equal((await counter.textContent()).trim(), `Slide ${total} of ${total}`);
    assert.equal(await page.getByTestId('slide-next').isDisabled(), true);
    await page.keyboard.press('ArrowLeft');
    assert.equal((await counter.textContent()).trim(), `Slide ${total - 1} of ${total}`);
    await page.keyboard.press('Home');
    assert.equal((await counter.textContent()).trim(), `Slide 1 of ${total}`);

    // Every exception has a slide (under each ambition it serves) with its large chart and the figures behind it.
    const charted = new Set();
    for (let n = 1; n < total; n += 1) {
      await page.keyboard.press('PageDown');
      if ((await slide.locator('svg.app-chart').count()) === 1) {
        charted.add(await slide.locator('h2').textContent());
        assert.ok((await slide.locator('table tbody tr').count()) >= 1);
      }
    }
    assert.equal(charted.size, exceptions);

    await page.keyboard.press('Escape');
    await page.waitForURL(/\/reports\?scope=committee/);
    await page.locator('#report-title').waitFor();
  });
});
