// End-to-end tests of the assurance pages on the demo council: the quarterly KPI audit (a sample drawn from
// a shown seed, stored, the five checks recorded with a refusal first, a follow-up confirmed), validation
// sheets, roles with what is each person's to review now, and the calendar's timings and bank holidays.
// Every visit is also checked for console errors, outside requests and axe violations.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useApp } from './support/harness.mjs';

const app = useApp();

const number = async (locator) => Number((await locator.textContent()).match(/\d+/)[0]);

const sampleKpis = async (page) =>
  (await page.getByTestId('audit-sample-row').locator('th').allTextContents()).map((t) => t.trim());

test('a KPI audit sample is drawn from the seed shown, kept, and the same seed draws it again', async () => {
  let drawn;
  let quarter;
  await app.visit('/risks', async (page) => {
    await page.getByTestId('audit-link').click();
    await page.waitForURL(/\/risks\/audit$/);
    const history = page.getByTestId('audit-history-row');
    await history.first().waitFor();
    assert.equal(await history.count(), 1, 'the demo council has audited one quarter');

    quarter = await page.getByTestId('audit-quarter').inputValue();
    await page.getByTestId('audit-seed').fill('12345');
    await page.getByTestId('audit-draw').click();
    assert.match(await page.getByTestId('audit-draw-outcome').textContent(), /Say who is doing this/);
    assert.equal(await history.count(), 1, 'a refused draw changes nothing');

    await page.getByTestId('audit-drawn-by').fill('Governance and Performance Team');
    await page.getByTestId('audit-draw').click();
    assert.match(await page.getByTestId('audit-draw-outcome').textContent(), /from seed 12345/);
    await page.waitForURL(/audit=audit-/);
    assert.equal(await history.count(), 2);
    assert.match(await page.getByTestId('audit-drawn').textContent(), /from seed 12345: 2 KPIs from each/);
    assert.match(await page.getByTestId('audit-reproducible').textContent(), /gives the same sample/);
    drawn = await sampleKpis(page);
    assert.ok(drawn.length >= 6, `${drawn.length} KPIs drawn`);
    assert.equal(new Set(drawn).size, drawn.length, 'no KPI is drawn twice');
    assert.ok(
      (await page.getByTestId('audit-sample-row').locator('td').allTextContents()).includes('Not checked'),
      'a new sample starts unchecked',
    );

    await page.reload();
    await page.getByTestId('audit-sample-row').first().waitFor();
    assert.deepEqual(await sampleKpis(page), drawn, 'the sample is stored, not drawn again on each visit');
  });
  // Someone else, with a fresh copy of the demo council, draws the same quarter from the same seed.
  await app.visit('/risks/audit', async (page) => {
    await page.getByTestId('audit-history-row').first().waitFor();
    await page.getByTestId('audit-quarter').selectOption(quarter);
    await page.getByTestId('audit-seed').fill('12345');
    await page.getByTestId('audit-drawn-by').fill('Internal Audit');
    await page.getByTestId('audit-draw').click();
    await page.waitForURL(/audit=audit-/);
    assert.deepEqual(await sampleKpis(page), drawn, 'the same seed draws the same KPIs');
  });
});

test('the five checks are recorded for a KPI drawn, a concern needs findings and a follow-up, which is then confirmed', async () => {
  await app.visit('/risks/audit', async (page) => {
    const history = page.getByTestId('audit-history-row');
    await history.first().waitFor();
    await page.getByTestId('audit-drawn-by').fill('Governance and Performance Team');
    await page.getByTestId('audit-draw').click();
    await page.waitForURL(/audit=audit-/);
    const checkedBefore = (await history.first().locator('td').nth(2).textContent()).trim();
    assert.match(checkedBefore, /^0 of \d+$/);

    const row = page.getByTestId('audit-sample-row').first();
    const kpi = (await row.locator('th').textContent()).trim();
    await row.getByTestId('audit-record').click();
    await page.waitForURL(/kpi=/);
    const form = page.getByTestId('audit-checks-form');
    await form.waitFor();
    await page.getByTestId('audit-checks-save').click();
    assert.match(await page.getByTestId('audit-checks-outcome').textContent(), /Record an outcome for every check; "Calculation" has none/);

    await page.getByLabel('Not met').first().check();
    for (const check of ['reported', 'remedial_action', 'relevant', 'used_for_decisions']) {
      await page.getByTestId(`check-${check}`).getByLabel('Met', { exact: true }).check();
    }
    await page.getByTestId('audit-checked-by').fill('Priya Shah');
    await page.getByTestId('audit-checks-save').click();
    assert.match(await page.getByTestId('audit-checks-outcome').textContent(), /needs findings/);
    await page.getByTestId('audit-findings').fill('Numerator counted duplicate referrals');
    await page.getByTestId('audit-checks-save').click();
    assert.match(await page.getByTestId('audit-checks-outcome').textContent(), /needs a follow-up/);
    await page.getByTestId('audit-follow-up').fill('Deduplicate and restate the quarter');
    await page.getByTestId('audit-follow-up-owner').fill('Data co-ordinator');
    await page.getByTestId('audit-follow-up-due').fill('2099-01-31');
    await page.getByTestId('audit-checks-save').click();
    assert.equal((await page.getByTestId('audit-checks-outcome').textContent()).trim(), 'Checks recorded.');

    const recorded = page.getByTestId('audit-sample-row').filter({ hasText: kpi });
    const cells = (await recorded.locator('td').allTextContents()).map((t) => t.trim());
    assert.deepEqual(cells.slice(1, 6), ['Not met', 'Met', 'Met', 'Met', 'Met']);
    assert.equal(cells[6], 'Numerator counted duplicate referrals');
    assert.match(cells[7], /Deduplicate and restate the quarter \(Data co-ordinator, due 31 Jan 2099\)/);
    assert.match((await history.first().locator('td').nth(2).textContent()).trim(), /^1 of \d+$/);
    assert.equal((await history.first().locator('td').nth(4).textContent()).trim(), '1', 'one open follow-up');

    await recorded.getByTestId('audit-follow-up-done').click();
    assert.match(await page.getByTestId('audit-follow-up-outcome').textContent(), /confirmed done/);
    assert.match((await recorded.locator('td').nth(7).textContent()), /done \d+ \w+ \d{4}/);
    assert.equal((await history.first().locator('td').nth(4).textContent()).trim(), '0');
  });
});

test('validation sheets show each directorate’s figures for the month and open one KPI by KPI', async () => {
  await app.visit('/risks', async (page) => {
    await page.getByTestId('validation-link').click();
    await page.waitForURL(/\/risks\/validation$/);
    const overview = page.getByTestId('sheet-overview-row');
    await overview.first().waitFor();
    assert.ok((await overview.count()) >= 4, 'one line per directorate');
    const first = overview.first();
    const name = (await first.locator('th').textContent()).trim();
    const counts = (await first.locator('td').allTextContents()).map(Number);
    const [due, noValue, draft, submitted, approved] = counts;
    assert.equal(noValue + draft + submitted + approved, due, 'every KPI due is in one state');

    await first.getByTestId('sheet-open').click();
    await page.waitForURL(/directorate=/);
    assert.match(await page.locator('#sheet-heading').textContent(), new RegExp(`^${name}: validation sheet for `));
    const rows = page.getByTestId('sheet-row');
    assert.equal(await rows.count(), due);
    assert.match(await page.getByTestId('sheet-summary').textContent(), new RegExp(`^${due} KPIs due: ${approved} approved`));
    const missing = (await rows.locator('td:nth-of-type(5)').allTextContents()).filter((t) => t === 'Missing').length;
    assert.equal(missing, counts[5], 'the overview counts the missing variance explanations the sheet shows');

    const month = page.getByTestId('sheet-month');
    const options = await month.locator('option').evaluateAll((o) => o.map((x) => x.value));
    assert.ok(options.length >= 12);
    await month.selectOption(options[2]);
    await page.waitForURL(new RegExp(`month=${encodeURIComponent(options[2])}`));
    assert.match(await page.getByTestId('sheet-table').locator('caption').textContent(), new RegExp(`^${name}, `));
  });
});

test('roles list who does what, and a risk owner sees the reviews waiting for them', async () => {
  await app.visit('/risks', async (page) => {
    await page.getByTestId('roles-link').click();
    await page.waitForURL(/\/risks\/roles$/);
    const roles = page.getByTestId('role-row');
    await roles.first().waitFor();
    assert.ok((await roles.count()) >= 10);
    const dataCoordinator = roles.filter({ hasText: 'Data co-ordinator' });
    assert.match(await dataCoordinator.textContent(), /validation sheets/);

    // Find an owner of an overdue risk from the register, then ask what is theirs.
    await page.goto(page.url().replace(/\/risks\/roles$/, '/risks?overdue=1'));
    const overdueRisk = page.getByTestId('risk-row').first();
    await overdueRisk.waitFor();
    const riskTitle = (await overdueRisk.locator('th').textContent()).trim();
    const owner = (await overdueRisk.locator('td').nth(1).textContent()).trim();
    await page.goto(page.url().replace(/\/risks\?overdue=1$/, '/risks/roles'));
    const person = page.getByTestId('roles-person');
    await person.locator('option').nth(1).waitFor({ state: 'attached' });
    const value = await person.locator('option').evaluateAll(
      (options, name) => options.find((o) => o.textContent.startsWith(name))?.value,
      owner,
    );
    assert.ok(value, `${owner} is among the people`);
    await person.selectOption(value);
    await page.waitForURL(/person=/);
    const duties = page.getByTestId('review-queue-row');
    await duties.first().waitFor();
    const review = duties.filter({ hasText: `Review the risk “${riskTitle}”` });
    assert.equal(await review.count(), 1);
    assert.match(await review.locator('td').textContent(), /^Overdue since /);
    assert.match(await duties.first().locator('td').textContent(), /^Overdue since /, 'overdue first');
    await review.getByRole('link').click();
    await page.waitForURL(/\/risks\?review=/);
    await page.getByTestId('review-form').waitFor();
  });
});

test('the calendar follows the framework’s timings and bank holidays, and refuses a date it cannot read', async () => {
  await app.visit('/risks/calendar', async (page) => {
    const rows = page.getByTestId('calendar-row');
    await rows.first().waitFor();
    await page.getByTestId('calendar-kind').selectOption({ label: 'Figures due' });
    // The second month's figures: due after today however the timings change.
    const title = (await rows.nth(1).locator('th').textContent()).trim();
    const dueOf = async () => {
      const text = await rows.filter({ hasText: title }).locator('td').first().textContent();
      const [, day, month, year] = text.match(/(\d+) (\w{3}) (\d{4})/);
      const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
      return Date.UTC(Number(year), months.indexOf(month), Number(day));
    };
    const before = await dueOf();

    await page.getByTestId('timings').locator('summary').click();
    await page.getByTestId('timings-holidays').fill('2026-12-25\n25/12/2026');
    await page.getByTestId('timings-save').click();
    assert.match(await page.getByTestId('timings-outcome').textContent(), /“25\/12\/2026” is not a date/);
    assert.equal(await dueOf(), before, 'a refused change moves nothing');

    await page.getByTestId('timings-holidays').fill('');
    await page.getByTestId('timings-data-due').fill('5');
    await page.getByTestId('timings-save').click();
    assert.match(await page.getByTestId('timings-outcome').textContent(), /Timings saved, with 0 bank holidays/);
    assert.match(await page.locator('.app-lead').textContent(), /figures due 5 working days after each month/);
    const after = await dueOf();
    const days = (before - after) / 86_400_000;
    assert.ok(days >= 5 && days <= 9, `five working days earlier is ${days} calendar days earlier`);
  });
});
