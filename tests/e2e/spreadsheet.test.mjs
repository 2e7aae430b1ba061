// Moving in from a spreadsheet (issue 16): a council's published quarterly scorecard, saved as CSV or as an
// Excel workbook, becomes rated KPIs on the organisational scorecard, with the council's own statuses
// reconciled; next quarter's sheet updates the same KPIs; a sheet with faults, or a file that is no
// spreadsheet, is refused with every problem and nothing changes. The clock is fixed at DEMO_DAY (15 October
// 2026), so the latest quarter the scorecard shows is Q2 2026/27, the quarter the sheets report.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_DAY, useApp } from './support/harness.mjs';
import { SpreadsheetImport } from './pages/spreadsheet-import.mjs';
import { ScorecardsPage } from './pages/scorecards-page.mjs';
import { xlsx } from './support/xlsx.mjs';

/** The bytes of a file the page offered for download. */
async function downloadedBytes(download) {
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const app = useApp();

/**
 * The council's scorecard as its spreadsheet saves it. "Outcome" is not a heading the import knows, so the
 * person says it holds the value. The council published satisfaction as Red (it uses a tighter tolerance).
 */
const SCORECARD = [
  'Indicator,Quarter,Good is,Target,Outcome,Previous,Status',
  'Homes delivered,Q2 2026/27,High,"1,000","1,050",980,Green',
  'Missed bin collections,Q2 2026/27,Low,50,65,55,Red',
  'Residents satisfied with the council,Q2 2026/27,High,80%,76.0%,78.0%,Red',
].join('\r\n');

test('a council scorecard sheet becomes rated KPIs, its statuses reconciled; the next import duplicates nothing', async () => {
  await app.visit(
    '/data',
    async (page) => {
      const sheet = new SpreadsheetImport(page);
      await sheet.choose('scorecard-q2.csv', SCORECARD);
      assert.equal(await sheet.column('Indicator').inputValue(), 'name');
      assert.equal(await sheet.column('Outcome').inputValue(), '', 'an unknown heading is not imported');
      // Three KPIs the demo council lacks; without a value column, no figures yet.
      assert.equal(
        await sheet.summaryText(),
        'Importing would add 3 KPIs and update 0 KPIs; 0 new figures, 0 changed and 0 the same as now.',
      );
      await sheet.map('Outcome', 'Value (actual)');
      assert.equal(
        await sheet.summaryText(),
        'Importing would add 3 KPIs and update 0 KPIs; 3 new figures, 0 changed and 0 the same as now.',
      );
      assert.match(await sheet.shapes.textContent(), /a published scorecard/);

      assert.match(
        await sheet.confirm(),
        /^Imported: 3 KPIs added, 0 updated; 3 figures added, 0 updated\..* What you chose the columns hold is remembered/,
      );
      // The demo council's rule: on or beyond target green, within 10% of it amber, further off red.
      // Homes 1,050 v 1,000 (higher is better): green, as published. Bins 65 v 50 (lower is better): 30% over,
      // red, as published. Satisfaction 76.0% v 80%: (80 - 76) / 80 = 5% short, amber, where the council said red.
      assert.deepEqual(await sheet.reconcile(), [
        {
          kpi: 'kpi-residents-satisfied-with-the-council',
          cells: [
            'Residents satisfied with the council', 'Q2 2026/27', 'Red', 'Amber', '76.0%', '80.0%', '4',
            'Check our rule', 'Record Red as an override',
          ],
        },
      ]);

      // "Check our rule" says the rule, the gap on its basis, and the tolerance the council's Red implies.
      await page.getByTestId('reconcile-check-rule').click();
      assert.deepEqual(await page.getByTestId('reconcile-rule-check').locator('p').allTextContents(), [
        "The council's rule in this app: green on target or better, amber up to 10% short of the target, red further off.",
        // (80 - 76) / 80 = 5.0% short.
        '76.0% against a target of 80.0% is 5.0% short of target: Amber.',
        "For Red, the council's amber band would have to end before 5.0% short of target.",
      ]);

      // The council's Red stands as a judgement: recorded as an override, with its reason and who recorded it.
      await page.getByTestId('reconcile-override').click();
      const form = page.getByTestId('reconcile-override-form');
      assert.equal(
        await form.getByTestId('reconcile-reason').inputValue(),
        'The council published Red for this period (sheet row 4).',
      );
      await form.getByTestId('reconcile-override-confirm').click();
      await form.getByText('choose who you are: an override records who set it').waitFor();
      await form.getByTestId('reconcile-by').selectOption('Grace Okafor');
      await form.getByTestId('reconcile-override-confirm').click();
      await sheet.reconcileRows.getByText('Recorded as an override').waitFor();

      // The same sheet again: "Outcome" is read as the value, as chosen last time, with nothing to choose; the
      // same three KPIs, every figure the same as now.
      await sheet.choose('scorecard-q2.csv', SCORECARD);
      assert.equal(await sheet.column('Outcome').inputValue(), 'value');
      assert.equal(
        await sheet.summaryText(),
        'Importing would add 0 KPIs and update 0 KPIs; 0 new figures, 0 changed and 3 the same as now.',
      );

      await page.goto(`${app.origin()}/scorecards`);
      const scorecards = await new ScorecardsPage(page).ready();
      const homes = await scorecards.figures('kpi-homes-delivered');
      assert.deepEqual([homes.target, homes.value, homes.rag], ['1,000', '1,050', 'Green']);
      const satisfied = await scorecards.figures('kpi-residents-satisfied-with-the-council');
      assert.deepEqual([satisfied.value, satisfied.rag], ['76.0%', 'Red (override)']);
      const bins = await scorecards.figures('kpi-missed-bin-collections');
      assert.deepEqual([bins.value, bins.rag], ['65', 'Red']);
      const ids = await scorecards.kpiIds();
      assert.equal(ids.filter((id) => id === 'kpi-homes-delivered').length, 1, 'no duplicate KPI');

      // What the sheet did not say is marked on the KPI's page. Homes delivered: "Good is" gave the direction
      // and the quarter the frequency; its plain figures say no unit (a count by default), and status,
      // perspective, category, measure, level and timing are never in the sheet.
      await page.goto(`${app.origin()}/scorecards/kpi/kpi-homes-delivered`);
      await page.getByTestId('kpi-definition').waitFor();
      const flagged = await page
        .getByTestId('kpi-definition')
        .locator('.app-definition__row:has([data-testid=kpi-not-set]) dt')
        .allTextContents();
      assert.deepEqual(flagged, [
        'Status', 'Perspective', 'Metric category', 'Unit', 'Measure', 'Level', 'Leading or lagging',
      ]);
    },
    { now: DEMO_DAY },
  );
});

test('a scorecard published year to date, in units of its own, is rated on its figures as published', async () => {
  await app.visit(
    '/data',
    async (page) => {
      const sheet = new SpreadsheetImport(page);
      const published = [
        'Indicator,Quarter,Unit,Good is,YTD Target,YTD Actual',
        'Homes delivered,Q1 2026/27,Number,High,250,240',
        'Homes delivered,Q2 2026/27,Number,High,500,520',
        'Residual waste,Q1 2026/27,kg per household,Low,120,115',
        'Residual waste,Q2 2026/27,kg per household,Low,240,250',
      ].join('\r\n');
      await sheet.choose('ytd-q2.csv', published);
      assert.equal(await sheet.column('YTD Actual').inputValue(), 'value');
      assert.equal(await sheet.column('YTD Target').inputValue(), 'target');
      assert.equal(
        await sheet.summaryText(),
        'Importing would add 2 KPIs and update 0 KPIs; 4 new figures, 0 changed and 0 the same as now.',
      );
      const readings = await sheet.readings.allTextContents();
      assert.ok(
        readings.some((r) => r.includes('"YTD Actual" holds years to date as published')),
        readings.join('\n'),
      );
      assert.ok(
        readings.some((r) => r.includes("'kg per household' read as a unit of the council's own")),
        readings.join('\n'),
      );
      assert.match(await sheet.confirm(), /^Imported: 2 KPIs added, 0 updated; 4 figures added, 0 updated\./);

      await page.goto(`${app.origin()}/scorecards`);
      const scorecards = await new ScorecardsPage(page).ready();
      // Homes: rated on 520 to date against 500 to date, green (added up again it would be 240 + 520 = 760).
      // Q2's own figure is 520 - 240 = 280.
      const homes = await scorecards.figures('kpi-homes-delivered');
      assert.deepEqual([homes.target, homes.value, homes.rag], ['500', '280 (year to date 520)', 'Green']);
      // Residual waste, lower is better: 250 against 240 is (250 - 240) / 240 = 4.2% over, within the demo
      // council's 10% amber band; Q2's own figure is 250 - 115 = 135.
      const waste = await scorecards.figures('kpi-residual-waste');
      assert.deepEqual(
        [waste.target, waste.value, waste.rag],
        ['240 kg per household', '135 kg per household (year to date 250 kg per household)', 'Amber'],
      );

      await page.goto(`${app.origin()}/scorecards/kpi/kpi-residual-waste`);
      const definition = page.getByTestId('kpi-definition');
      await definition.waitFor();
      const text = await definition.textContent();
      assert.match(text, /Year to date as published \(each figure is the year's total so far\)/);
      assert.match(text, /kg per household/);
    },
    { now: DEMO_DAY },
  );
});

test('a sheet with several faults lists every one at its row and column, and imports nothing', async () => {
  await app.visit('/data', async (page) => {
    const sheet = new SpreadsheetImport(page);
    const faulty = [
      'Indicator,Quarter,Actual,Status',
      'Homes delivered,Q5 2026/27,"1,050",Green',
      'Missed bin collections,Q2 2026/27,65,Purple',
    ].join('\r\n');
    await sheet.choose('faulty.csv', faulty);
    await sheet.problems.first().waitFor();
    const problems = await sheet.problems.allTextContents();
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(problems[0], /^Row 2, column "Quarter": /);
    assert.match(problems[1], /^Row 3, column "Status": /);
    assert.equal(
      await sheet.summaryText(),
      '2 problems to put right before anything can be imported; nothing has changed.',
    );
    assert.equal(await sheet.confirmButton.count(), 0, 'no import while a problem remains');
  });
});

test('an Excel workbook: the sheet is chosen, its number cells read as Excel shows them, and its KPIs are rated', async () => {
  await app.visit(
    '/data',
    async (page) => {
      const sheet = new SpreadsheetImport(page);
      const workbook = xlsx([
        { name: 'Read me', rows: [['Column', 'What it holds'], ['Actual', 'The quarter\'s outturn']] },
        {
          name: 'Q2 scorecard',
          rows: [
            ['Corporate scorecard, Q2 2026/27'],
            [],
            ['Indicator', 'Quarter', 'Good is', 'Target', 'Actual'],
            ['Homes delivered', 'Q2 2026/27', 'High', 1000, 1050],
            ['Library visits', 'Q2 2026/27', 'High', 20000, 19625],
          ],
        },
      ]);
      const reader = page.waitForEvent('worker');
      await sheet.choose('scorecard-q2.xlsx', workbook, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      // The workbook is read off the page's thread, in the spreadsheet reader's worker.
      assert.match(new URL((await reader).url()).pathname, /\/sheet-reader-loader-[0-9a-f]+\.js$/);
      // Both sheets have headings and rows, so the person says which; the first is shown until then.
      await sheet.chooseSheet('Q2 scorecard (2 rows)');
      // The title and the blank row above the headings are passed over.
      assert.equal(await sheet.column('Actual').inputValue(), 'value');
      assert.equal(
        await sheet.summaryText(),
        'Importing would add 2 KPIs and update 0 KPIs; 2 new figures, 0 changed and 0 the same as now.',
      );
      assert.match(await sheet.confirm(), /^Imported: 2 KPIs added, 0 updated; 2 figures added, 0 updated\./);

      await page.goto(`${app.origin()}/scorecards`);
      const scorecards = await new ScorecardsPage(page).ready();
      // The demo council's rule: on or beyond target green, within 10% of it amber. Homes 1,050 v 1,000:
      // green. Library visits 19,625 v 20,000: (20,000 - 19,625) / 20,000 = 1.9% short, amber.
      const homes = await scorecards.figures('kpi-homes-delivered');
      assert.deepEqual([homes.target, homes.value, homes.rag], ['1,000', '1,050', 'Green']);
      const visits = await scorecards.figures('kpi-library-visits');
      assert.deepEqual([visits.target, visits.value, visits.rag], ['20,000', '19,625', 'Amber']);
    },
    { now: DEMO_DAY },
  );
});

test('a PDF called .xlsx is refused for what it is; the template downloads with headings that need no mapping', async () => {
  await app.visit('/data', async (page) => {
    const sheet = new SpreadsheetImport(page);
    await sheet.choose('scorecard.xlsx', Buffer.from('%PDF-1.7\n%\u00e2\u00e3'), 'application/octet-stream');
    assert.equal(
      (await sheet.refused.locator('p').first().textContent()).trim(),
      "scorecard.xlsx: this is a PDF document, not a spreadsheet. Choose the council's sheet as .xlsx, .ods or .csv.",
    );

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('spreadsheet-template-download').click(),
    ]);
    assert.equal(download.suggestedFilename(), 'kpi-import-template.csv');

    // The Excel template comes from the workbook writer's own module, fetched now.
    const [workbook] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('spreadsheet-template-download-xlsx').click(),
    ]);
    assert.equal(workbook.suggestedFilename(), 'kpi-import-template.xlsx');
    // Imported as it is, every column is recognised: the example KPI and its one figure, nothing to choose.
    await sheet.choose('kpi-import-template.xlsx', await downloadedBytes(workbook), 'application/octet-stream');
    assert.equal(
      await sheet.summaryText(),
      'Importing would add 1 KPI and update 0 KPIs; 1 new figure, 0 changed and 0 the same as now.',
    );
  });
});

test('the KPI register exported as Excel and imported again changes nothing', async () => {
  await app.visit(
    '/data',
    async (page) => {
      const sheet = new SpreadsheetImport(page);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-register-xlsx').click(),
      ]);
      assert.match(download.suggestedFilename(), /^wealdshire-county-council-kpis-targets-values-\d{4}-\d{2}-\d{2}\.xlsx$/);
      await sheet.choose(download.suggestedFilename(), await downloadedBytes(download), 'application/octet-stream');
      // Every KPI, target and figure reads back as it is: nothing added, updated or changed.
      assert.match(
        await sheet.summaryText(),
        /^Importing would add 0 KPIs and update 0 KPIs; 0 new figures, 0 changed and \d+ the same as now\.$/,
      );
    },
    { now: DEMO_DAY },
  );
});

test('a spreadsheet reader that cannot start is said in words, and nothing changes', async () => {
  await app.visit('/data', async (page) => {
    // The reader's module arrives broken (a host serving an error page in its place, say).
    await page.context().route(/\/sheet-reader-[0-9a-f]+\.wasm$/, (route) =>
      route.fulfill({ status: 200, contentType: 'application/wasm', body: 'not a module' }));
    const sheet = new SpreadsheetImport(page);
    await sheet.choose('scorecard.csv', Buffer.from('Indicator,Actual\nHomes delivered,1050\n'));
    assert.equal(
      (await sheet.refused.locator('p').first().textContent()).trim(),
      'scorecard.csv: the spreadsheet reader could not be started. Reload the page and choose the file again.',
    );
  });
});

test('a file that stops the spreadsheet reader part way is said to be damaged, and nothing changes', async () => {
  await app.visit('/data', async (page) => {
    // A reader that says it is ready, then fails on the file, as one that trips over a damaged workbook does.
    await page.context().route(/\/sheet-reader-[0-9a-f]+\.js$/, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/javascript',
        body: 'export default async function init() { self.onmessage = () => { throw new Error("tripped"); }; self.postMessage(null); }',
      }));
    const sheet = new SpreadsheetImport(page);
    await sheet.choose('scorecard.csv', Buffer.from('Indicator,Actual\nHomes delivered,1050\n'));
    assert.equal(
      (await sheet.refused.locator('p').first().textContent()).trim(),
      'scorecard.csv: the file stopped the spreadsheet reader part way, so it may be damaged. Open it in Excel or ' +
        'LibreOffice, save it again as .xlsx, and choose that file.',
    );
  });
});
