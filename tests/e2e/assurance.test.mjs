// End-to-end tests of the assurance pages on the demo council: the quarterly KPI audit (a sample drawn from
// a shown seed, stored, the five checks recorded with a refusal first, a follow-up confirmed), validation
// sheets, roles with what is each person's to review now, and the calendar's timings and bank holidays.
// Every visit is also checked for console errors, outside requests and axe violations.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_DAY, useApp } from './support/harness.mjs';
import { AuditPage, CalendarPage, RolesPage, ValidationPage } from './pages/assurance-page.mjs';
import { RisksPage } from './pages/risks-page.mjs';

const app = useApp();

test('a KPI audit sample is drawn from the seed shown, kept, and the same seed draws it again', async () => {
  let drawn;
  let quarter;
  await app.visit('/risks', async (page) => {
    await new RisksPage(page).follow('audit-link', /\/risks\/audit$/);
    const audit = await new AuditPage(page).ready();
    assert.equal(await audit.history.count(), 1, 'the demo council has audited one quarter');

    quarter = await audit.quarter.inputValue();
    await audit.draw({ seed: '12345' });
    assert.match(await audit.drawOutcome.textContent(), /Say who is doing this/);
    assert.equal(await audit.history.count(), 1, 'a refused draw changes nothing');

    await audit.draw({ by: 'Governance and Performance Team' });
    assert.match(await audit.drawOutcome.textContent(), /from seed 12345/);
    await audit.sampleOpened();
    assert.equal(await audit.history.count(), 2);
    assert.match(await audit.drawn.textContent(), /from seed 12345: 2 KPIs from each/);
    assert.match(await audit.reproducible.textContent(), /gives the same sample/);
    drawn = await audit.sampleKpis();
    // The demo has six policy and service committees (src/demo/structure.rs, COMMITTEES; the strategy and the
    // audit committees are not sampled), each with more than two KPIs reported every quarter: 6 × 2 = 12.
    assert.equal(drawn.length, 12, `${drawn.length} KPIs drawn`);
    assert.equal(new Set(drawn).size, drawn.length, 'no KPI is drawn twice');
    assert.ok(
      (await audit.sampleRows.locator('td').allTextContents()).includes('Not checked'),
      'a new sample starts unchecked',
    );

    await page.reload();
    await audit.sampleRows.first().waitFor();
    assert.deepEqual(await audit.sampleKpis(), drawn, 'the sample is stored, not drawn again on each visit');
  });
  // Someone else, with a fresh copy of the demo council, draws the same quarter from the same seed.
  await app.visit('/risks/audit', async (page) => {
    const audit = await new AuditPage(page).ready();
    await audit.draw({ quarter, seed: '12345', by: 'Grace Okafor' });
    await audit.sampleOpened();
    assert.deepEqual(await audit.sampleKpis(), drawn, 'the same seed draws the same KPIs');
  });
});

test('the five checks are recorded for a KPI drawn, a concern needs findings and a follow-up, which is then confirmed', async () => {
  await app.visit('/risks/audit', async (page) => {
    const audit = await new AuditPage(page).ready();
    await audit.draw({ by: 'Governance and Performance Team' });
    await audit.sampleOpened();
    assert.match(await audit.historyCell(2), /^0 of \d+$/);

    const row = audit.sampleRows.first();
    const kpi = (await row.locator('th').textContent()).trim();
    await audit.openChecks(row);
    await audit.saveChecks();
    assert.match(await audit.checksOutcome.textContent(), /Record an outcome for every check; "Calculation" has none/);

    await page.getByLabel('Not met').first().check();
    for (const check of ['reported', 'remedial_action', 'relevant', 'used_for_decisions']) {
      await audit.mark(check, 'Met');
    }
    await audit.saveChecks({ by: 'Priya Shah' });
    assert.match(await audit.checksOutcome.textContent(), /needs findings/);
    await audit.saveChecks({ findings: 'Numerator counted duplicate referrals' });
    assert.match(await audit.checksOutcome.textContent(), /needs a follow-up/);
    await audit.saveChecks({ followUp: 'Deduplicate and restate the quarter', owner: 'Grace Okafor', due: '2099-01-31' });
    assert.equal((await audit.checksOutcome.textContent()).trim(), 'Checks recorded.');

    const recorded = audit.sampleRow(kpi);
    const cells = (await recorded.locator('td').allTextContents()).map((t) => t.trim());
    assert.deepEqual(cells.slice(1, 6), ['Not met', 'Met', 'Met', 'Met', 'Met']);
    assert.equal(cells[6], 'Numerator counted duplicate referrals');
    assert.match(cells[7], /Deduplicate and restate the quarter \(Grace Okafor, due 31 Jan 2099\)/);
    assert.match(await audit.historyCell(2), /^1 of \d+$/);
    assert.equal(await audit.historyCell(4), '1', 'one open follow-up');

    await recorded.getByTestId('audit-follow-up-done').click();
    assert.match(await audit.followUpOutcome.textContent(), /confirmed done/);
    assert.match((await recorded.locator('td').nth(7).textContent()), /done \d+ \w+ \d{4}/);
    assert.equal(await audit.historyCell(4), '0');
  });
});

test('validation sheets show each directorate’s figures for the month and open one KPI by KPI', async () => {
  await app.visit('/risks', async (page) => {
    await new RisksPage(page).follow('validation-link', /\/risks\/validation$/);
    const sheets = await new ValidationPage(page).ready();
    assert.equal(await sheets.overviewRows.count(), 5, 'one line per directorate: the demo has five');
    const first = sheets.overviewRows.first();
    const { name, counts } = await sheets.overview(first);
    const [due, noValue, draft, submitted, approved] = counts;
    assert.equal(noValue + draft + submitted + approved, due, 'every KPI due is in one state');
    // On DEMO_DAY the latest cycle is September 2026. Adults, Health and Commissioning has six monthly KPIs
    // (assess, delayed, direct, carers, op-asc-waiting, op-asc-reviews) and four quarterly ones whose Q2 ends
    // in September (reable, respcare, safeguard, healthcheck): 10 due, all with a value. The demo leaves the
    // latest value of every tenth KPI in its register a draft and of the 3rd and 7th of each ten submitted
    // (src/demo/mod.rs): assess (0) and op-asc-waiting (10) are drafts, respcare (3) submitted (smoking, 7, is
    // annual), the other 7 approved. Off target without a variance explanation: carers and op-asc-waiting,
    // both amber (the demo explains only its reds): 2 missing.
    assert.equal(name, 'Adults, Health and Commissioning');
    assert.deepEqual(counts.slice(0, 6), [10, 0, 2, 1, 7, 2]);

    await sheets.open(first);
    assert.match(await sheets.heading.textContent(), new RegExp(`^${name}: validation sheet for `));
    assert.equal(await sheets.rows.count(), due);
    assert.match(await sheets.summary.textContent(), new RegExp(`^${due} KPIs due: ${approved} approved`));
    const missing = (await sheets.explanations()).filter((t) => t === 'Missing').length;
    assert.equal(missing, counts[5], 'the overview counts the missing variance explanations the sheet shows');

    const options = await sheets.monthOptions();
    // Every month from the start of the previous financial year to the latest ended: April 2025 to September
    // 2026 on DEMO_DAY, 12 + 6 = 18.
    assert.equal(options.length, 18);
    await sheets.chooseMonth(options[2]);
    assert.match(await sheets.caption.textContent(), new RegExp(`^${name}, `));
  }, { now: DEMO_DAY });
});

test('roles list who does what, and a risk owner sees the reviews waiting for them', async () => {
  await app.visit('/risks', async (page) => {
    await new RisksPage(page).follow('roles-link', /\/risks\/roles$/);
    const roles = await new RolesPage(page).ready();
    assert.equal(await roles.roles.count(), 14, 'the fourteen roles of the demo (src/demo/structure.rs, ROLES)');
    const dataCoordinator = roles.roles.filter({ hasText: 'Data co-ordinator' });
    assert.match(await dataCoordinator.textContent(), /validation sheets/);

    // Find an owner of an overdue risk from the register, then ask what is theirs.
    await page.goto(page.url().replace(/\/risks\/roles$/, '/risks?overdue=1'));
    const risks = new RisksPage(page);
    const overdueRisk = risks.rows.first();
    await overdueRisk.waitFor();
    const riskTitle = (await overdueRisk.locator('th').textContent()).trim();
    const owner = (await overdueRisk.locator('td').nth(1).textContent()).trim();
    await page.goto(page.url().replace(/\/risks\?overdue=1$/, '/risks/roles'));
    assert.ok(await roles.choosePerson(owner), `${owner} is among the people`);
    const review = roles.duties.filter({ hasText: `Review the risk “${riskTitle}”` });
    assert.equal(await review.count(), 1);
    assert.match(await review.locator('td').textContent(), /^Overdue since /);
    assert.match(await roles.duties.first().locator('td').textContent(), /^Overdue since /, 'overdue first');
    await review.getByRole('link').click();
    await page.waitForURL(/\/risks\?review=/);
    await risks.reviewForm.waitFor();
  });
});

test('the calendar follows the framework’s timings and bank holidays, and refuses a date it cannot read', async () => {
  await app.visit('/risks/calendar', async (page) => {
    const calendar = await new CalendarPage(page).ready();
    await calendar.showKind('Figures due');
    // The second month's figures: due after today however the timings change.
    const title = (await calendar.rows.nth(1).locator('th').textContent()).trim();
    const before = await calendar.dateOf(title);

    await calendar.saveTimings({ holidays: '2026-12-25\n25/12/2026' });
    assert.match(await calendar.timingsOutcome.textContent(), /“25\/12\/2026” is not a date/);
    assert.equal(await calendar.dateOf(title), before, 'a refused change moves nothing');

    await calendar.saveTimings({ holidays: '', dataDue: '5' });
    assert.match(await calendar.timingsOutcome.textContent(), /Timings saved, with 0 bank holidays/);
    assert.match(await calendar.lead.textContent(), /figures due 5 working days after each month/);
    const after = await calendar.dateOf(title);
    const days = (before - after) / 86_400_000;
    assert.ok(days >= 5 && days <= 9, `five working days earlier is ${days} calendar days earlier`);
  });
});
