// End-to-end tests of the KPI editor: a KPI made from nothing to a rated scorecard row with the UI alone (proposed,
// taken live, defined, given an owner, a unit and a target profile, a value recorded), and a definition with
// several faults refused with every problem linked to its field. Every page is checked for axe violations.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_DAY, useApp } from './support/harness.mjs';
import { KpiPage } from './pages/kpi-page.mjs';
import { ScorecardsPage } from './pages/scorecards-page.mjs';
import { DataPage } from './pages/data-page.mjs';
import { threeKpiCouncil } from './support/councils.mjs';

const app = useApp();

test('a KPI made from nothing with the UI alone reaches the scorecard rated on its own target profile', async () => {
  await app.visit('/golden-thread/structure', async (page) => {
    await page.getByTestId('propose-kpi').waitFor();
    await page.getByTestId('propose-name').fill('Library e-book loans');
    await page.getByTestId('propose-level').selectOption('operational');
    await page.getByTestId('propose-service').selectOption({ label: 'Adult Social Care' });
    await page.getByTestId('propose-frequency').selectOption('quarterly');
    await page.getByTestId('propose-unit').selectOption('count');
    await page.getByTestId('propose-by').selectOption('Grace Okafor');
    await page.getByTestId('propose-submit').click();
    await page.getByTestId('propose-outcome').filter({ hasText: 'Proposed: Library e-book loans' }).waitFor();

    await page.goto(`${app.origin()}/scorecards/kpi/kpi-library-e-book-loans`);
    const take = async (label) => {
      await page.getByTestId('cycle-step').selectOption({ label });
      await page.getByTestId('cycle-by').fill('CLT');
      await page.getByTestId('cycle-submit').click();
      await page.getByTestId('cycle-outcome').filter({ hasText: 'Done' }).waitFor();
    };
    await take('Approve');
    await take('Go live with a target and RAG rating');

    await page.getByTestId('kpi-edit-link').click();
    await page.getByTestId('kpi-edit').waitFor();
    assert.equal((await page.getByTestId('page-heading').textContent()).trim(), 'Edit Library e-book loans');
    // The unit chosen when it was proposed is the one it has.
    assert.equal(await page.getByTestId('kpi-edit-unit').inputValue(), 'count');
    await page.getByTestId('kpi-edit-definition').fill('Loans of e-books and e-audiobooks through the library app');
    await page.getByTestId('kpi-edit-source').fill('Library management system');
    await page.getByTestId('kpi-edit-owner').selectOption({ index: 1 });
    const owner = (await page.getByTestId('kpi-edit-owner').locator('option:checked').textContent()).split(',')[0];
    await page.getByTestId('kpi-edit-measure').selectOption('cumulative');
    await page.getByTestId('kpi-edit-decimals').fill('0');
    await page.getByTestId('kpi-edit-save').click();
    await page.getByTestId('kpi-edit-saved').filter({ hasText: 'Saved Library e-book loans.' }).waitFor();

    // A cumulative year-end target of 400, spread through the year: 100, 200, 300 and 400 to date.
    await page.getByTestId('kpi-targets-year-end').fill('400');
    await page.getByTestId('kpi-targets-fill-same').click();
    const profile = page.getByTestId('kpi-targets-period');
    assert.deepEqual(await profile.evaluateAll((inputs) => inputs.map((i) => i.value)), ['100', '200', '300', '400']);
    await page.getByTestId('kpi-targets-save').click();
    // The year-end target and four period targets.
    await page.getByTestId('kpi-targets-note').filter({ hasText: 'Saved 5 targets for 2026/27.' }).waitFor();

    await page.getByTestId('kpi-edit-back').click();
    const kpi = await new KpiPage(page).ready();
    const shownOwner = await kpi.definitionOf('Owner');
    assert.ok(shownOwner.startsWith(`${owner} (`), `the owner chosen, ${owner}, is the one shown: ${shownOwner}`);
    for (const [period, value] of [['2026/27 Q1', '90'], ['2026/27 Q2', '95']]) {
      await page.getByTestId('entry-period').selectOption(period);
      await kpi.record({ value });
      await page.getByTestId('entry-saved').filter({ hasText: 'as a draft' }).waitFor();
    }
    // Q2 2026/27 to date: 90 + 95 = 185 against 200 (400 × 2/4), 7.5% short: within the 10% amber band. Shown
    // to no decimal places, as the editor set.
    await kpi.rating.filter({ hasText: 'Amber' }).waitFor();
    const position = await kpi.position.textContent();
    assert.match(position, /Actual95 \(year to date 185\)Target200Previous period90/);

    // An operational KPI is on its directorate's scorecard (Adult Social Care is in Adults, Health and
    // Commissioning).
    await page.goto(`${app.origin()}/scorecards?scope=directorate%3Adir-ahc`);
    const scorecards = await new ScorecardsPage(page).ready();
    const row = scorecards.table.locator('[data-testid=scorecard-row][data-kpi="kpi-library-e-book-loans"]');
    assert.match(await row.locator('[data-testid=rag]').textContent(), /^Amber/);
  }, { now: DEMO_DAY });
});

test('a definition with several faults lists every one, each linked to its field, and changes nothing', async () => {
  await app.visit('/scorecards/kpi-edit/skpi-ahc-assess', async (page) => {
    await page.getByTestId('kpi-edit').waitFor();
    const name = await page.getByTestId('kpi-edit-name').inputValue();
    await page.getByTestId('kpi-edit-name').fill('   ');
    await page.getByTestId('kpi-edit-decimals').fill('9');
    // A unit of the council's own, its label left blank.
    await page.getByTestId('kpi-edit-unit').selectOption('custom');
    await page.getByTestId('kpi-edit-unit-label').fill(' ');
    await page.getByTestId('kpi-edit-plausible-low').fill('10');
    await page.getByTestId('kpi-edit-own-rule').check();
    await page.getByTestId('kpi-edit-rule-amber').fill('ten');
    await page.getByTestId('kpi-edit-save').click();
    const summary = page.getByTestId('kpi-edit-problems');
    await summary.waitFor();
    const problems = await summary.locator('li').allTextContents();
    assert.deepEqual(problems, [
      'Give the KPI a name.',
      'A unit of the council\'s own needs a label, such as "kg per household".',
      'Decimal places are a whole number from 0 to 6, not “9”.',
      "Give both the lowest and the highest believable values, or neither (the unit's own range).",
      'The amber band: "ten" is not a number.',
    ]);
    assert.equal(await page.getByTestId('kpi-edit-decimals').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByTestId('kpi-edit-unit-label').getAttribute('aria-invalid'), 'true');
    await summary.getByRole('link', { name: /Decimal places/ }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'kpi-edit-decimals');

    // A target outside a percentage's range is refused where it is.
    await page.getByTestId('kpi-targets-period').first().fill('120');
    await page.getByTestId('kpi-targets-save').click();
    await page.getByTestId('kpi-targets-problems').filter({ hasText: 'is outside the believable range for this KPI (0 to 100)' }).waitFor();

    await page.getByTestId('kpi-edit-back').click();
    const kpi = await new KpiPage(page).ready();
    assert.equal((await kpi.heading.textContent()).trim(), name, 'nothing changed');
  });
});

test('a comparator file from LG Inform ranks the council in its group, its own row left out', async () => {
  await app.visit('/data', async (page) => {
    const data = await new DataPage(page).ready();
    await data.chooseWorkspaceFile(threeKpiCouncil());
    await data.replace();

    await page.goto(`${app.origin()}/scorecards/kpi-edit/k-short`);
    await page.getByTestId('kpi-benchmarks').waitFor();
    await page.getByTestId('kpi-benchmarks-group').fill('Shire counties');
    const csv = [
      'Area code,Area name,Period,Value',
      'E10000099,Testshire,Sep 2026,76',
      'E10000029,Suffolk,Sep 2026,81.5',
      'E10000020,Norfolk,Sep 2026,70',
      'E10000012,Essex,Sep 2026,79',
      'E10000016,Kent,Sep 2026,-',
      'E10000008,Devon,Sep 2026,74',
    ].join('\r\n');
    await page.getByTestId('benchmark-import-file').setInputFiles({ name: 'lg-inform.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    // Kent's value is suppressed ("-").
    await page.getByTestId('benchmark-file-summary').filter({ hasText: 'The file holds 5 values for 5 areas, Sep 2026; 1 row without a value was left out.' }).waitFor();
    await page.getByTestId('benchmark-own-area').selectOption({ label: 'Testshire (E10000099)' });
    await page.getByTestId('benchmark-import').click();
    await page.getByTestId('benchmark-outcome').filter({ hasText: 'Recorded 4 comparator values.' }).waitFor();

    await page.getByTestId('kpi-edit-back').click();
    await new KpiPage(page).ready();
    const section = page.getByTestId('benchmark');
    await section.locator('canvas').first().waitFor();
    // The council's 76.0 against Suffolk 81.5, Essex 79, Devon 74 and Norfolk 70, higher being better: two are
    // better, so rank 3 of 5; quartile ⌈4 × 3 / 5⌉ = ⌈2.4⌉ = 3, the third.
    assert.match(await section.getByTestId('chart-summary').textContent(), /ranked 3rd of 5 in Shire counties \(third quartile\)/);
  }, { now: DEMO_DAY });
});
