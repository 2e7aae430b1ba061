// End-to-end tests of the framework settings: a new council RAG rule previewed (which ratings it would change)
// before it is saved and then followed by the scorecard; an SPC trend run of 6 followed by a KPI page's SPC
// signals; and a form with several faults refused with every problem linked to its field. axe checks every page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_DAY, useApp } from './support/harness.mjs';
import { DataPage } from './pages/data-page.mjs';
import { threeKpiCouncil } from './support/councils.mjs';
import { ScorecardsPage } from './pages/scorecards-page.mjs';

const app = useApp();

test('a tighter amber band is previewed, KPI by KPI, before it is saved, and the scorecard follows it', async () => {
  await app.visit('/data', async (page) => {
    const data = await new DataPage(page).ready();
    await data.chooseWorkspaceFile(threeKpiCouncil());
    await data.replace();

    await page.goto(`${app.origin()}/golden-thread/settings`);
    await page.getByTestId('framework-settings').waitFor();
    const summary = page.getByTestId('rag-rule-preview-summary');
    assert.equal(await summary.textContent(), 'This change leaves every rating as it is.');
    // An amber band narrower than the maintain band (5%) is no rule: the preview says why.
    await page.getByTestId('settings-rule-amber').fill('4');
    await summary
      .filter({ hasText: 'No preview until the rule is put right: The rule: the maintain band cannot be wider than the amber band.' })
      .waitFor();
    await page.getByTestId('settings-rule-maintain').fill('3');
    await summary.filter({ hasText: 'This change turns 1 amber red.' }).waitFor();
    const rows = page.getByTestId('rag-rule-preview-table').locator('tbody tr');
    assert.deepEqual(
      await rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent.trim()))),
      [['Calls answered in 15 seconds', 'Amber', 'Red']],
    );
    await page.getByTestId('settings-save').click();
    await page.getByTestId('settings-saved').waitFor();

    await page.goto(`${app.origin()}/scorecards`);
    const scorecards = await new ScorecardsPage(page).ready();
    const rag = (id) => scorecards.table.locator(`[data-testid=scorecard-row][data-kpi="${id}"] [data-testid=rag]`).textContent();
    assert.match(await rag('k-short'), /^Red/);
    assert.match(await rag('k-close'), /^Amber/);
    assert.match(await rag('k-met'), /^Green/);
  }, { now: DEMO_DAY });
});

/** The KPI page's SPC table as [value, special causes], oldest first. */
async function spcRows(page) {
  const rows = await page.getByTestId('spc-table').locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelectorAll('td')[0].textContent, tr.querySelectorAll('td')[2].textContent]));
  return rows.reverse();
}

test('an SPC trend run of 6 is followed by the KPI page: six points going one way are flagged', async () => {
  await app.visit('/scorecards/kpi/skpi-ahc-delayed', async (page) => {
    await page.getByTestId('spc-table').waitFor();
    const trend = 'a trend (a run going one way)';
    const before = await spcRows(page);
    assert.equal(before.filter(([, causes]) => causes.includes(trend)).length, 0, 'no run of 7 going one way');

    await page.goto(`${app.origin()}/golden-thread/settings`);
    await page.getByTestId('settings-spc-trend-run').fill('6');
    await page.getByTestId('settings-save').click();
    await page.getByTestId('settings-saved').waitFor();

    await page.goto(`${app.origin()}/scorecards/kpi/skpi-ahc-delayed`);
    await page.getByTestId('spc-table').waitFor();
    const after = await spcRows(page);
    // Worked out from the table itself: a point is in a trend when it lies in a run of 6 or more points, each
    // above (or each below) the one before.
    const values = after.map(([value]) => Number(value.replace(/[^0-9.-]/g, '')));
    const direction = values.map((value, i) => (i === 0 ? 0 : Math.sign(value - values[i - 1])));
    const expected = [];
    for (let first = 1; first < values.length; ) {
      let last = first;
      while (last + 1 < values.length && direction[last + 1] === direction[first]) last += 1;
      // Steps first..last go one way: points first − 1 to last, last − first + 2 of them.
      if (direction[first] !== 0 && last - first + 2 >= 6) {
        for (let point = first - 1; point <= last; point += 1) if (expected.at(-1) !== point) expected.push(point);
      }
      first = last + 1;
    }
    const flagged = after.flatMap(([, causes], i) => (causes.includes(trend) ? [i] : []));
    assert.ok(flagged.length >= 6, `a run of 6 is flagged: ${flagged.length} points`);
    assert.deepEqual(flagged, expected);
  }, { now: DEMO_DAY });
});

test('settings with several faults list every one, each linked to its field, and change nothing', async () => {
  await app.visit('/golden-thread/settings', async (page) => {
    await page.getByTestId('framework-settings').waitFor();
    await page.getByTestId('settings-council-name').fill(' ');
    await page.getByTestId('settings-current-year').fill('2026');
    await page.getByTestId('settings-spc-shift-run').fill('3');
    await page.getByTestId('settings-rollup-amber').fill('90');
    await page.getByTestId('settings-save').click();
    const problems = page.getByTestId('settings-problems');
    await problems.waitFor();
    assert.deepEqual(await problems.locator('li').allTextContents(), [
      "Give the council's name: it heads every page and report.",
      'The reporting year is a financial year written like 2026/27, not “2026”.',
      'The run that makes a shift is a whole number from 5 to 10, not “3”.',
      'The lowest amber score must not be above the lowest green score.',
    ]);
    await problems.getByRole('link', { name: /reporting year/ }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'settings-current-year');
    assert.equal(await page.getByTestId('settings-current-year').getAttribute('aria-invalid'), 'true');
    // A rule with a band that is not a number has no preview until it is put right.
    await page.getByTestId('settings-rule-amber').fill('ten');
    await page.getByTestId('rag-rule-preview-summary').filter({ hasText: 'No preview until the rule is put right: The amber band: "ten" is not a number.' }).waitFor();
    await page.goto(`${app.origin()}/golden-thread`);
    await page.getByTestId('settings-link').waitFor();
    assert.match(await page.title(), /County Council/, 'the council keeps its name');
  });
});
