// End-to-end tests of the risks page on the demo council: recording a review moves the overdue count, a
// heat-map cell (in the table or on the chart) opens its risks, and the filters live in the address. Every
// visit is also checked for console errors, outside requests and axe violations.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { DEMO_DAY, useApp } from './support/harness.mjs';
import { ActionPlansPage, LessonsPage, RisksPage, numberIn } from './pages/risks-page.mjs';
import { CalendarPage } from './pages/assurance-page.mjs';
import { KpiPage } from './pages/kpi-page.mjs';

const app = useApp();

test('recording a review of an overdue risk takes one off the overdue count', async () => {
  await app.visit('/risks', async (page) => {
    const risks = await new RisksPage(page).ready();
    const before = await risks.overdueCount();
    // On DEMO_DAY (15 October 2026), from each open risk's last review and its cycle (the demo's framework:
    // strategic every 8 weeks; directorate and operational by the residual band, red 3 months, amber 6,
    // green 12, with green to 6 and amber to 12):
    //   risk-str-asc-market  strategic, 6 Aug 2026 + 56 days = 1 Oct 2026 → overdue
    //   risk-str-workforce   strategic, 22 Jul 2026 + 56 days = 16 Sep 2026 → overdue
    //   risk-cef-ofsted      directorate, 2 × 4 = 8 amber, 29 Mar 2026 + 6 months = 29 Sep 2026 → overdue
    //   risk-ps-waste-contract directorate, 2 × 3 = 6 green, 10 Sep 2025 + 12 months = 10 Sep 2026 → overdue
    //   risk-cs-telephony    operational, 2 × 3 = 6 green, 30 Sep 2025 + 12 months = 30 Sep 2026 → overdue
    //   the other eleven are due after 15 October (the nearest, risk-str-climate, 26 Aug + 56 days = 21 Oct).
    assert.equal(before, 5, 'the demo council has five overdue reviews');
    await risks.showOverdue();
    assert.equal(await risks.rows.count(), before, 'the overdue list holds every overdue risk');
    assert.equal(await risks.rows.getByTestId('review-overdue').count(), before);

    const first = risks.rows.first();
    const title = (await first.locator('th').textContent()).trim();
    await risks.openReview(first);
    await risks.recordReview();
    assert.match(await risks.reviewOutcome.textContent(), /Say who reviewed it/);
    assert.equal(await risks.overdueCount(), before, 'a refused review changes nothing');

    await risks.recordReview({ by: 'Audit and Accounts Committee', likelihood: '2', impact: '3', note: 'Mitigations in place; monitor' });
    assert.match(await risks.reviewOutcome.textContent(), /^Review recorded: the risk is now green/);
    assert.equal(await risks.overdueCount(), before - 1);
    assert.equal(await risks.row(title).count(), 0, 'it leaves the overdue list');
    assert.match(await risks.reviewHistoryRows.first().textContent(), /Audit and Accounts Committee.*likelihood 2 × impact 3 = 6/);
  }, { now: DEMO_DAY });
});

test('a heat-map cell opens the risks in it, from the table or from the chart', async () => {
  await app.visit('/risks', async (page) => {
    const risks = new RisksPage(page);
    await risks.matrixTable.waitFor();
    const cells = risks.matrixCells;
    assert.equal(await cells.count(), 25);
    let chosen = null;
    for (let i = 0; i < 25 && !chosen; i += 1) {
      if ((await numberIn(cells.nth(i))) > 0) chosen = cells.nth(i);
    }
    const count = await numberIn(chosen);
    const label = await chosen.getAttribute('aria-label');
    const [, likelihood, impact] = label.match(/Likelihood (\d), impact (\d)/);
    await chosen.click();
    await page.waitForURL(new RegExp(`cell=${likelihood}-${impact}`));
    assert.equal(await chosen.getAttribute('aria-pressed'), 'true');
    assert.equal(await risks.rows.count(), count, `${label}`);
    assert.match(await risks.cellFilter.textContent(), new RegExp(`likelihood ${likelihood} × impact ${impact}`));
    await chosen.click();
    await page.waitForURL((url) => !url.search.includes('cell='));

    await risks.matrixChartDrawn();
    assert.match(await risks.matrixSummary.textContent(), /^The 5×5 matrix of residual scores: \d+ risks/);
    await risks.clickChartCell(likelihood, impact);
    await page.waitForURL(new RegExp(`cell=${likelihood}-${impact}`));
    assert.equal(await risks.rows.count(), count);
  });
});

test('the filters narrow the register and a link reproduces them', async () => {
  await app.visit('/risks?level=strategic&band=red', async (page) => {
    const risks = new RisksPage(page);
    await risks.rows.first().waitFor();
    const registers = await risks.columnTexts(0);
    assert.ok(registers.every((r) => r.startsWith('Strategic')), registers.join(', '));
    assert.equal(await risks.level.inputValue(), 'strategic');
    assert.equal(await risks.band.inputValue(), 'red');
    const residuals = await risks.columnTexts(3);
    assert.ok(residuals.every((r) => /Red/.test(r)), residuals.join(', '));
  });
});

test('the reporting calendar lists the coming dates and downloads them as an .ics file', async () => {
  await app.visit('/risks', async (page) => {
    await new RisksPage(page).follow('calendar-link', /\/risks\/calendar$/);
    const calendar = await new CalendarPage(page).ready();
    const all = await calendar.rows.count();
    // The twelve months from DEMO_DAY (src/domain/assurance/reporting_calendar.rs): 12 figures due and 12
    // leadership scorecards (one a month), 4 KPI audits and 4 quarterly reports to each of the 7 committees
    // that take them (six policy and service committees and Strategy, Resources and Performance): 28, one
    // target setting (31 Jan 2027), one framework review (30 Jun 2027), and the next review of each of the
    // 16 open risks less the 5 already overdue (see the first test): 11. 12 + 12 + 4 + 28 + 1 + 1 + 11 = 69.
    assert.equal(all, 69, `${all} dates in twelve months`);
    const kinds = await calendar.kinds();
    for (const kind of ['Figures due', 'Leadership scorecard', 'Committee report', 'KPI audit', 'Target setting', 'Framework review']) {
      assert.ok(kinds.includes(kind), `${kind} is in the calendar`);
    }
    assert.equal(kinds.filter((k) => k === 'Leadership scorecard').length, 12, 'one leadership scorecard a month');

    await calendar.showKind('Committee report');
    const reports = await calendar.rows.count();
    assert.equal(reports, 28, 'four quarters for each of seven committees');
    assert.match(await calendar.caption.textContent(), new RegExp(`: ${reports} dates`));

    const download = await calendar.download();
    assert.match(download.suggestedFilename(), /^wealdshire-county-council-reporting-calendar-\d{4}-\d{2}-\d{2}\.ics$/);
    const text = await readFile(await download.path(), 'utf8');
    assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n'));
    assert.equal(text.match(/BEGIN:VEVENT/g).length, reports, 'the file holds the dates shown');
    assert.ok(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75));
  }, { now: DEMO_DAY });
});

test('a lesson is added to the log (an incomplete one is refused), marked shared with partners, changed, and every change kept', async () => {
  await app.visit('/risks', async (page) => {
    await new RisksPage(page).follow('lessons-link', /\/risks\/lessons$/);
    const lessons = await new LessonsPage(page).ready();
    const before = await lessons.rows.count();
    await lessons.add({ title: 'Winter plan agreed too late' });
    // Every problem at once: what happened and what was learnt are both missing.
    assert.equal(
      (await lessons.outcome.textContent()).trim(),
      'Say what happened. Say what was learnt and what will be done differently.',
    );
    assert.equal(await lessons.outcome.getAttribute('role'), 'alert');
    assert.equal(await lessons.rows.count(), before);

    await lessons.add({
      what: 'Hospital discharges slowed in December',
      learning: 'Agree the winter plan with providers by October',
      by: 'Grace Okafor',
      kpiIndex: 1,
      riskIndex: 1,
    });
    assert.equal((await lessons.outcome.textContent()).trim(), 'Added to the log: Winter plan agreed too late.');
    assert.equal(await lessons.rows.count(), before + 1);
    const added = lessons.row('Winter plan agreed too late');
    assert.match(await added.textContent(), /Not yet/);
    assert.match(await added.textContent(), /; Risk: /, 'it concerns a KPI and a risk');
    const unshared = await lessons.unshared();
    await added.getByTestId('lesson-share').click();
    assert.match(await added.locator('td').last().textContent(), /^Yes/);
    assert.match(await lessons.caption.textContent(), new RegExp(`${unshared - 1} not yet shared`));

    // Changed: the form shows the lesson as it is; only what was learnt is retyped.
    await added.getByTestId('lesson-change').click();
    await page.getByTestId('lesson-form').getByRole('heading', { name: 'Change a lesson' }).waitFor();
    assert.equal(await page.getByTestId('lesson-what').inputValue(), 'Hospital discharges slowed in December');
    await page.getByTestId('lesson-learning').fill('Agree the winter plan with providers by September');
    await page.getByTestId('lesson-add').click();
    assert.equal((await lessons.outcome.textContent()).trim(), 'Changed: Winter plan agreed too late.');
    assert.match(await added.textContent(), /by September/);
    assert.match(await added.locator('td').last().textContent(), /^Yes/, 'still shared');
    assert.equal(await lessons.rows.count(), before + 1, 'changed, not added');

    // Its changes in the change log: added (its id, title, date, what happened, what was learnt, who raised
    // it, its KPI, its risk and not shared: 9 fields), shared (1 field), then what was learnt (1 field),
    // newest first.
    await added.getByTestId('lesson-changes').click();
    await page.getByTestId('change-log-count').filter({ hasText: /^3 changes to 11 fields\.$/ }).waitFor();
    const rows = page.getByTestId('change-log').locator('tbody tr');
    const newest = await rows.first().evaluate((row) => [...row.children].map((c) => c.textContent.trim()));
    assert.equal(newest[4], 'learning');
    const shared = await rows.nth(1).evaluate((row) => [...row.children].map((c) => c.textContent.trim()));
    assert.deepEqual(shared.slice(4), ['shared with partners', 'no → yes']);
    assert.match(await page.getByTestId('change-log-scope').textContent(), /^Only the changes to lesson-\S+ — Winter plan agreed too late\./);
  });
});

test('the action-plans overview lists red KPIs without a plan and the open actions, overdue first', async () => {
  await app.visit('/risks', async (page) => {
    await new RisksPage(page).follow('actions-link', /\/risks\/actions$/);
    const plans = await new ActionPlansPage(page).ready();
    const count = await plans.missingRows.count();
    // Of the KPIs the demo sets up red only skpi-cef-swvacancy has no action (src/demo/kpis.rs: `.red(…, None)`).
    assert.equal(count, 1, 'the demo has one red KPI without a plan');
    assert.match(await plans.missingRows.first().textContent(), /^Children's social worker vacancy rate \(%\)/);
    assert.match(await plans.redWithoutPlan.locator('caption').textContent(), new RegExp(`\\(${count}\\)`));
    const flags = await plans.overdueFlags();
    assert.equal(flags.filter(Boolean).length, await plans.overdueInCaption());
    assert.deepEqual(flags, [...flags].sort((a, b) => Number(b) - Number(a)), 'overdue first');

    const name = (await plans.missingRows.first().locator('a').textContent()).trim();
    await plans.missingRows.first().locator('a').click();
    const kpi = new KpiPage(page);
    await kpi.rating.waitFor();
    assert.match(await kpi.rating.textContent(), /Red/);
    assert.equal((await kpi.heading.textContent()).trim(), name);
  });
});

test('an action is moved on from the action plans: completed, with its progress and the risk it mitigates', async () => {
  await app.visit('/risks/actions', async (page) => {
    const plans = await new ActionPlansPage(page).ready();
    const openCount = async () =>
      Number((await plans.openActions.locator('caption').textContent()).match(/Open actions \((\d+)\)/)[1]);
    const before = await openCount();
    // Open actions come first in the choice, so the first is open.
    await page.getByTestId('action-edit-choose').selectOption({ index: 1 });
    const title = await page.getByTestId('action-edit-title').inputValue();
    // A blank title is refused, and said so beside the field.
    await page.getByTestId('action-edit-title').fill(' ');
    await page.getByTestId('action-edit-save').click();
    await page.getByTestId('action-edit-problems').filter({ hasText: 'Say what will be done: the action needs a title.' }).waitFor();
    assert.equal(await openCount(), before, 'a refused update changes nothing');

    await page.getByTestId('action-edit-title').fill(title);
    await page.getByTestId('action-edit-status').selectOption('completed');
    await page.getByTestId('action-edit-progress').fill('Done: every home reopened to admissions.');
    await page.getByTestId('action-edit-risk').selectOption({ index: 1 });
    await page.getByTestId('action-edit-save').click();
    await page.getByTestId('action-edit-saved').waitFor();
    assert.equal(await openCount(), before - 1, 'a completed action leaves the open actions');
    assert.equal(await page.getByTestId('action-edit-progress').inputValue(), 'Done: every home reopened to admissions.');
  });
});

test('a four-weekly strategic review cycle brings three more reviews due, and a cycle that makes no sense is refused', async () => {
  await app.visit('/risks', async (page) => {
    const risks = await new RisksPage(page).ready();
    assert.equal(await risks.overdueCount(), 5);
    await page.getByTestId('review-cycles').locator('summary').click();
    // Amber reviewed less often than green on the operational register: refused, nothing changes.
    await page.getByTestId('cycle-operational-green').fill('4');
    await page.getByTestId('review-cycles-save').click();
    const outcome = page.getByTestId('review-cycles-outcome');
    await outcome.filter({ hasText: 'The operational register: a worse risk is reviewed at least as often: red every 3, amber every 6 and green every 4 months does not.' }).waitFor();
    assert.equal(await outcome.getAttribute('role'), 'alert');
    await page.getByTestId('cycle-operational-green').fill('12');
    // Strategic risks every 4 weeks instead of 8, on 15 October 2026: last reviewed 15 Sep (due 13 Oct), 5 Sep
    // (3 Oct) and 26 Aug (23 Sep) join the two already overdue (6 Aug, 22 Jul); 25 Sep is due 23 Oct.
    await page.getByTestId('cycle-strategic-weeks').fill('4');
    await page.getByTestId('review-cycles-save').click();
    await outcome.filter({ hasText: 'Review cycles saved' }).waitFor();
    assert.equal(await risks.overdueCount(), 8);
  }, { now: DEMO_DAY });
});

test('a risk shows what it is before its review, and the score bands can be changed but not broken', async () => {
  await app.visit('/risks', async (page) => {
    const risks = new RisksPage(page);
    const first = risks.rows.first();
    await first.waitFor();
    await first.getByTestId('record-review').click();
    await risks.details.waitFor();
    const text = await risks.details.textContent();
    for (const term of ['Owner', 'Mitigations', 'When to escalate, and when to accept', 'KPIs it bears on', 'Ambitions it threatens']) {
      assert.ok(text.includes(term), `${term} is shown`);
    }
    assert.equal(await risks.details.locator('dd').count(), 5, 'one value for each of the five terms');

    const cell = risks.matrixCell(2, 3);
    assert.match(await cell.getAttribute('aria-label'), /score 6 \(Green\)/);
    await risks.saveBands({ green: '12', amber: '9' });
    assert.match(await risks.bandsOutcome.textContent(), /must run green from 1, then amber, then red/);
    assert.match(await cell.getAttribute('aria-label'), /score 6 \(Green\)/, 'a refused change moves nothing');

    await risks.saveBands({ green: '4' });
    assert.match(await risks.bandsOutcome.textContent(), /^Bands saved: green 1 to 4, amber to 9/);
    assert.match(await cell.getAttribute('aria-label'), /score 6 \(Amber\)/);
    assert.match(await risks.matrixCell(5, 2).getAttribute('aria-label'), /score 10 \(Red\)/);
  });
});
