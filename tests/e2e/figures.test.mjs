// The figures themselves: for KPIs of each kind on the organisational scorecard — a snapshot measure (one higher
// and one lower is better, the second with a rating set by hand) and a cumulative measure (one monthly, one
// quarterly) — the value, target, RAG, change and trend the scorecard row shows, the same figures in the
// scorecard's CSV download, on the committee report and on the presentation slides. Every expected figure is
// worked out by hand below from the demo council on DEMO_DAY (15 October 2026), whose values and targets are in
// the workspace the Data page exports; none is read back from the app. (The demo has no KPI whose longer periods
// are the mean of its shorter ones, SnapshotSummary::Mean, and the scorecard shows every KPI at its own
// frequency, so that kind has no figure to check here.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_DAY, useApp } from './support/harness.mjs';
import { ScorecardsPage } from './pages/scorecards-page.mjs';
import { ReportsPage } from './pages/reports-page.mjs';

const app = useApp();

/**
 * The KPIs checked, with what each row must show on DEMO_DAY. On 15 October 2026 the scorecard is drawn up as
 * at 30 September 2026, the end of the latest month ended: a monthly KPI shows September 2026, a quarterly one
 * Q2 2026/27 (July to September). The RAG rule is the framework's default (src/domain/maths/rag.rs): more than
 * 10% off target is red, within 10% amber, on or beyond target green. A trend looks at the last six values:
 * it moves when the least-squares line changes by at least 5% of their mean across them (TrendRule).
 */
const KPIS = [
  {
    // Snapshot, monthly, higher is better, unit %, one decimal.
    // Values Apr–Sep 2026: 75.9, 79.0, 80.0, 80.1, 79.6, 78.8. Target 2026/27: 96.0% (a snapshot KPI must meet
    // its year-end target every month).
    // Rating: (96.0 − 78.8) / 96.0 = 17.9% off → Red.
    // Change: 78.8 − 79.6 = −0.8, down, and higher is better → worsening.
    // Trend: mean 473.4 / 6 = 78.9; Σ(x − 2.5)(y − 78.9) = (−2.5)(−3.0) + (−1.5)(0.1) + (−0.5)(1.1) + (0.5)(1.2)
    //   + (1.5)(0.7) + (2.5)(−0.1) = 7.5 − 0.15 − 0.55 + 0.6 + 1.05 − 0.25 = 8.2; Σ(x − 2.5)² = 17.5;
    //   slope 0.469, so 2.34 across the window, under 5% of 78.9 (3.95) → no change.
    id: 'skpi-ahc-assess',
    name: '% of Care Act assessments completed within 28 days',
    ambition: 4,
    period: 'Sep 2026',
    target: '96.0%',
    value: '78.8%',
    previous: '79.6%',
    rag: 'Red',
    change: ['↓', 'worsening', '-0.8%'],
    trend: ['→', 'no change'],
    exception: true,
  },
  {
    // Snapshot, monthly, lower is better, a count with one decimal.
    // Values Apr–Sep 2026: 19.7, 17.8, 16.2, 16.2, 16.5, 17.5. Target 2026/27: 14.4.
    // Rating: (17.5 − 14.4) / 14.4 = 21.5% over → red, but September's value carries an override to amber by
    //   Erik Lund (src/demo/mod.rs) → "Amber (override)", the calculated red beside the reason.
    // Change: 17.5 − 16.5 = +1.0, up, and lower is better → worsening.
    // Trend: mean 103.9 / 6 = 17.317; Σ(x − 2.5)(y − ȳ) = (−2.5)(2.383) + (−1.5)(0.483) + (−0.5)(−1.117)
    //   + (0.5)(−1.117) + (1.5)(−0.817) + (2.5)(0.183) = −7.45; slope −0.426, so −2.13 across the window, beyond
    //   5% of 17.317 (0.87) → down, and lower is better → improving.
    id: 'skpi-ahc-delayed',
    name: 'Delayed discharges from hospital per day (social care)',
    ambition: 4,
    period: 'Sep 2026',
    target: '14.4',
    value: '17.5',
    previous: '16.5',
    rag: 'Amber (override)',
    ragNote: /^Set by Erik Lund \(calculated red\): Two care homes closed to admissions/,
    change: ['↑', 'worsening', '+1.0'],
    trend: ['↓', 'improving'],
    exception: true,
  },
  {
    // Cumulative, monthly, higher is better, a whole count: rated on the year to date against the year-end
    // target spread evenly (src/domain/model/kpi.rs, target_for).
    // Values Apr–Sep 2026: 128 + 121 + 136 + 137 + 148 + 151 = 821 to date. Target 2026/27: 1,730, so
    //   1,730 × 6/12 = 865 by September.
    // Rating: (865 − 821) / 865 = 5.1% off → Amber.
    // Change (September's own value against August's): 151 − 148 = +3 → improving.
    // Trend (of the monthly values): mean 821 / 6 = 136.83; Σ(x − 2.5)(y − ȳ) = (−2.5)(−8.83) + (−1.5)(−15.83)
    //   + (−0.5)(−0.83) + (0.5)(0.17) + (1.5)(11.17) + (2.5)(14.17) = 98.5; slope 5.63, so 28.1 across the
    //   window, beyond 5% of 136.83 (6.84) → up → improving.
    id: 'skpi-ahc-carers',
    name: "Carers' assessments completed",
    ambition: 4,
    period: 'Sep 2026',
    target: '865',
    value: '151 (year to date 821)',
    previous: '148',
    rag: 'Amber',
    change: ['↑', 'improving', '+3'],
    trend: ['↑', 'improving'],
    exception: false,
  },
  {
    // Cumulative, quarterly, lower is better, a rate per 100,000 with one decimal.
    // Values: Q1 2026/27 130.9 + Q2 138.4 = 269.3 to date. Target 2026/27: 560.0, so 560.0 × 2/4 = 280.0 by Q2.
    // Rating: 269.3 is under 280.0, and lower is better → Green.
    // Change: 138.4 − 130.9 = +7.5, up, and lower is better → worsening.
    // Trend of the last six quarters 134.2, 130.5, 131.9, 125.3, 130.9, 138.4: mean 791.2 / 6 = 131.87;
    //   Σ(x − 2.5)(y − ȳ) = (−2.5)(2.33) + (−1.5)(−1.37) + (−0.5)(0.03) + (0.5)(−6.57) + (1.5)(−0.97)
    //   + (2.5)(6.53) = 7.8; slope 0.446, so 2.23 across the window, under 5% of 131.87 (6.59) → no change.
    id: 'skpi-ahc-respcare',
    name: 'Permanent admissions to residential and nursing care, aged 65+, per 100,000',
    ambition: 4,
    period: 'Q2 2026/27',
    target: '280.0 per 100,000',
    value: '138.4 per 100,000 (year to date 269.3 per 100,000)',
    previous: '130.9 per 100,000',
    rag: 'Green',
    change: ['↑', 'worsening', '+7.5 per 100,000'],
    trend: ['→', 'no change'],
    exception: false,
  },
];


test('a snapshot and a cumulative KPI show the figures worked out by hand on the scorecard, in its CSV, on the committee report and on the slides', async () => {
  // Every column, so the previous period's figure is shown too.
  await app.visit('/scorecards?cols=all', async (page) => {
    const scorecards = await new ScorecardsPage(page).ready();
    assert.equal((await scorecards.title.textContent()).trim(), 'Organisational scorecard as at 30 September 2026');
    // The Making Data Count icons' words on the scorecard, for the report to agree with (their figures are worked
    // by hand on a council of their own in kpi.test.mjs).
    const iconsOnScorecard = {};
    for (const kpi of KPIS) {
      iconsOnScorecard[kpi.id] = await page.locator(`[data-testid=scorecard-row][data-kpi="${kpi.id}"] .app-mdc__label`).allTextContents();
    }
    for (const kpi of KPIS) {
      const [changeArrow, changeWord, changeDetail] = kpi.change;
      const [trendArrow, trendWord] = kpi.trend;
      const shown = await scorecards.figures(kpi.id);
      assert.deepEqual(
        { ...shown, ragNote: shown.ragNote !== null },
        {
          target: kpi.target,
          value: kpi.value,
          period: kpi.period,
          previous: kpi.previous,
          change: `${changeArrow} ${changeWord} (${changeDetail})`,
          rag: kpi.rag,
          ragNote: kpi.ragNote !== undefined,
          trend: `${trendArrow} ${trendWord} (over 6 periods)`,
        },
        `${kpi.id} on the scorecard`,
      );
      if (kpi.ragNote) assert.match(shown.ragNote, kpi.ragNote);
    }

    // The same figures in the CSV of the view as shown (the arrows are left out; the words carry the meaning).
    const { records } = await scorecards.downloadView();
    assert.equal(records.length, 64, 'one row per KPI on the organisational scorecard');
    for (const kpi of KPIS) {
      const row = records.find((r) => r['KPI id'] === kpi.id);
      assert.ok(row, `${kpi.id} is in the CSV`);
      assert.deepEqual(
        {
          KPI: row.KPI,
          period: row['Period shown'],
          target: row.Target,
          value: row['Performance (current period)'],
          previous: row['Performance (previous period)'],
          change: row['Change in performance'],
          rag: row['RAG rating'],
          trend: row['Trend analysis'],
        },
        {
          KPI: kpi.name,
          period: kpi.period,
          target: kpi.target,
          value: kpi.value,
          previous: kpi.previous,
          change: `${kpi.change[1]} (${kpi.change[2]})`,
          rag: kpi.rag,
          trend: `${kpi.trend[1]} (over 6 periods)`,
        },
        `${kpi.id} in the CSV`,
      );
    }

    // Each KPI's own page: its position in the same period shows the same value (with the year to date for a
    // cumulative KPI) and target.
    for (const kpi of KPIS) {
      await page.goto(`${app.origin()}/scorecards/kpi/${kpi.id}`);
      const position = page.getByTestId('kpi-position');
      await position.waitFor();
      const shown = Object.fromEntries(
        await position.locator('tbody tr').evaluateAll((rows) =>
          rows.map((row) => [row.querySelector('th').textContent.trim(), row.querySelector('td').textContent.trim()]),
        ),
      );
      assert.equal((await position.locator('caption').textContent()).trim(), `Position in ${kpi.period}`);
      assert.deepEqual([shown.Actual, shown.Target], [kpi.value, kpi.target], `${kpi.id} on its own page`);
      // How the year-end forecast was made. The demo's history runs unbroken from April 2023
      // (src/demo/mod.rs). A monthly KPI at Sep 2026: 42 months, 6 to go; forecasts 6 ahead can be checked
      // from origins 12 to 35 (Apr 2024 to Mar 2026; the 24 most recent, none before a full year), and all
      // 6 methods apply (naive, seasonal naive, smoothing, damped trend, and, the values all being positive,
      // Holt–Winters with additive and with proportional seasons; Holt–Winters estimates 17 values, fewer
      // than 42). A quarterly KPI at Q2 2026/27: 14 quarters, 2 to go, origins 3 to 11 → 9 checked, 6
      // methods (Holt–Winters estimates 9).
      const [checked, ahead] = kpi.period.startsWith('Q') ? [9, 2] : [24, 6];
      assert.match(
        await page.getByTestId('forecast-method').textContent(),
        new RegExp(`of 6 methods tried, (it|these two) forecast the last ${checked} periods ${ahead} period\\(s\\) ahead`, 'i'),
        `${kpi.id}: how its forecast was made`,
      );
    }

    // The Adults and Health Committee's report for Q2 2026/27, the latest quarter ended: each KPI at its latest
    // period as at 30 September 2026, the same periods as the scorecard above.
    await page.goto(`${app.origin()}/reports?scope=committee%3Acom-ah`);
    const reports = await new ReportsPage(page).ready();
    assert.match(await reports.title.textContent(), /: performance report, Q2 2026\/27$/);
    for (const kpi of KPIS) {
      const { 'Variation and assurance (SPC)': _icons, ...line } = (await reports.scorecardLine(kpi.name)) ?? {};
      assert.ok(line.KPI, `${kpi.name} is on the committee's scorecard`);
      assert.deepEqual(
        await reports.scorecardTable.locator('tbody tr', { hasText: kpi.name }).locator('.app-mdc__label').allTextContents(),
        iconsOnScorecard[kpi.id],
        `${kpi.id}: the report's icons are the scorecard's`,
      );
      // The same value as the scorecard: for a cumulative KPI the period's value with its year to date, the
      // figure it is rated on against its year-to-date target (the report once showed the period's value alone).
      assert.deepEqual(
        line,
        {
          KPI: kpi.name,
          Period: kpi.period,
          Value: kpi.value,
          Target: kpi.target,
          Rating: kpi.rag,
          Change: kpi.change[1],
          Trend: kpi.trend[1],
          Forecast: line.Forecast,
        },
        `${kpi.id} on the report`,
      );
    }

    // The slides: every KPI is listed, worst first, under each ambition it serves; an exception also has a slide
    // of its own with its value and target.
    const deck = await reports.present();
    const slides = await deck.allSlides();
    const ambition = slides.find((s) => s.heading.startsWith('Ambition 4: '));
    assert.ok(ambition, 'the slide for ambition 4');
    for (const kpi of KPIS) {
      const item = ambition.kpis.find((k) => k.name === kpi.name);
      assert.ok(item, `${kpi.id} is listed under ambition 4`);
      assert.equal(item.rag, kpi.rag, `${kpi.id}'s rating on the ambition slide`);
      assert.equal(item.value, kpi.value, `${kpi.id}'s value on the ambition slide`);
      const own = slides.filter((s) => s.heading === kpi.name);
      if (kpi.exception) {
        assert.ok(own.length >= 1, `${kpi.id} has a slide of its own`);
        for (const slide of own) {
          assert.equal(slide.facts.rag, kpi.rag);
          assert.ok(
            slide.facts.sentence.startsWith(`Value ${kpi.value} against a target of ${kpi.target}. `),
            slide.facts.sentence,
          );
        }
      } else {
        assert.deepEqual(own, [], `${kpi.id} is not an exception`);
      }
    }
  }, { now: DEMO_DAY });
});
