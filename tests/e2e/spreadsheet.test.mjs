// Moving in from a spreadsheet (issue 16): a council's published quarterly scorecard, saved as CSV, becomes
// rated KPIs on the organisational scorecard, with the council's own statuses reconciled; next quarter's
// sheet updates the same KPIs; a workbook or a sheet with faults is refused with every problem and nothing
// changes. The clock is fixed at DEMO_DAY (15 October 2026), so the latest quarter the scorecard shows is
// Q2 2026/27, the quarter the sheet reports.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_DAY, useApp } from './support/harness.mjs';
import { SpreadsheetImport } from './pages/spreadsheet-import.mjs';
import { ScorecardsPage } from './pages/scorecards-page.mjs';

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

      assert.match(await sheet.confirm(), /^Imported: 3 KPIs added, 0 updated; 3 figures added, 0 updated\./);
      // The demo council's rule: on or beyond target green, within 10% of it amber, further off red.
      // Homes 1,050 v 1,000 (higher is better): green, as published. Bins 65 v 50 (lower is better): 30% over,
      // red, as published. Satisfaction 76.0% v 80%: (80 - 76) / 80 = 5% short, amber, where the council said red.
      assert.deepEqual(await sheet.reconcile(), [
        {
          kpi: 'kpi-residents-satisfied-with-the-council',
          cells: [
            'Residents satisfied with the council', 'Q2 2026/27', 'Red', 'Amber', '76.0%', '80.0%', '4',
            'Record Red as an override',
          ],
        },
      ]);

      // The council's Red stands as a judgement: recorded as an override, with its reason and who recorded it.
      await page.getByTestId('reconcile-override').click();
      const form = page.getByTestId('reconcile-override-form');
      assert.equal(
        await form.getByTestId('reconcile-reason').inputValue(),
        'The council published Red for this period (sheet row 4).',
      );
      await form.getByTestId('reconcile-override-confirm').click();
      await form.getByText('enter your name: an override records who set it').waitFor();
      await form.getByTestId('reconcile-by').fill('Pat Officer');
      await form.getByTestId('reconcile-override-confirm').click();
      await sheet.reconcileRows.getByText('Recorded as an override').waitFor();

      // The same sheet again: the same three KPIs, every figure the same as now.
      await sheet.choose('scorecard-q2.csv', SCORECARD);
      await sheet.map('Outcome', 'Value (actual)');
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

test('an Excel workbook is refused with what to do instead; the template downloads with headings that need no mapping', async () => {
  await app.visit('/data', async (page) => {
    const sheet = new SpreadsheetImport(page);
    // The first bytes of every .xlsx file: a zip archive.
    await sheet.choose('register.xlsx', Buffer.from('PK\u0003\u0004 not really a workbook'), 'application/octet-stream');
    assert.match(await sheet.refused.textContent(), /register\.xlsx: this is an Excel or OpenDocument workbook.*Save As.*CSV/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('spreadsheet-template-download').click(),
    ]);
    assert.equal(download.suggestedFilename(), 'kpi-import-template.csv');
  });
});
