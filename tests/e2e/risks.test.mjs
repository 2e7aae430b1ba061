// End-to-end tests of the risks page on the demo council: recording a review moves the overdue count, a
// heat-map cell (in the table or on the chart) opens its risks, and the filters live in the address. Every
// visit is also checked for console errors, outside requests and axe violations.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { useApp } from './support/harness.mjs';

const app = useApp();

const number = async (locator) => Number((await locator.textContent()).match(/\d+/)[0]);

test('recording a review of an overdue risk takes one off the overdue count', async () => {
  await app.visit('/risks', async (page) => {
    const overdue = page.getByTestId('reviews-overdue');
    await overdue.waitFor();
    const before = await number(overdue);
    assert.ok(before >= 1, 'the demo council has overdue reviews');
    await overdue.click();
    await page.waitForURL(/overdue=1/);
    const rows = page.getByTestId('risk-row');
    assert.equal(await rows.count(), before, 'the overdue list holds every overdue risk');
    assert.equal(await rows.getByTestId('review-overdue').count(), before);

    const first = rows.first();
    const title = (await first.locator('th').textContent()).trim();
    await first.getByTestId('record-review').click();
    await page.waitForURL(/review=/);
    const form = page.getByTestId('review-form');
    await page.getByTestId('review-save').click();
    assert.match(await page.getByTestId('review-outcome').textContent(), /Say who reviewed it/);
    assert.equal(await number(overdue), before, 'a refused review changes nothing');

    await page.getByTestId('review-by').fill('Corporate Leadership Team');
    await page.getByTestId('review-likelihood').selectOption('2');
    await page.getByTestId('review-impact').selectOption('3');
    await page.getByTestId('review-note').fill('Mitigations in place; monitor');
    await form.getByTestId('review-save').click();
    assert.match(await page.getByTestId('review-outcome').textContent(), /^Review recorded: the risk is now green/);
    assert.equal(await number(overdue), before - 1);
    assert.equal(await rows.filter({ hasText: title }).count(), 0, 'it leaves the overdue list');
    assert.match(await page.getByTestId('review-history').locator('tbody tr').first().textContent(), /Corporate Leadership Team.*likelihood 2 × impact 3 = 6/);
  });
});

test('a heat-map cell opens the risks in it, from the table or from the chart', async () => {
  await app.visit('/risks', async (page) => {
    const table = page.getByTestId('matrix-table');
    await table.waitFor();
    const cells = table.locator('button');
    assert.equal(await cells.count(), 25);
    let chosen = null;
    for (let i = 0; i < 25 && !chosen; i += 1) {
      if ((await number(cells.nth(i))) > 0) chosen = cells.nth(i);
    }
    const count = await number(chosen);
    const label = await chosen.getAttribute('aria-label');
    const [, likelihood, impact] = label.match(/Likelihood (\d), impact (\d)/);
    await chosen.click();
    await page.waitForURL(new RegExp(`cell=${likelihood}-${impact}`));
    assert.equal(await chosen.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.getByTestId('risk-row').count(), count, `${label}`);
    assert.match(await page.getByTestId('risk-cell-filter').textContent(), new RegExp(`likelihood ${likelihood} × impact ${impact}`));
    await chosen.click();
    await page.waitForURL((url) => !url.search.includes('cell='));

    const chart = page.getByTestId('risk-matrix').getByTestId('chart');
    await chart.locator('canvas').first().waitFor();
    assert.match(await page.getByTestId('risk-matrix').getByTestId('chart-summary').textContent(), /^The 5×5 matrix of residual scores: \d+ risks/);
    await chart.scrollIntoViewIfNeeded();
    const box = await chart.boundingBox();
    // The grid leaves 60 px on the left, 20 on the right and top, 50 at the bottom; aim at the middle of the cell.
    const width = box.width - 80;
    const height = box.height - 70;
    const x = box.x + 60 + (Number(impact) - 0.5) * (width / 5);
    const y = box.y + 20 + (5 - Number(likelihood) + 0.5) * (height / 5);
    await page.mouse.click(x, y);
    await page.waitForURL(new RegExp(`cell=${likelihood}-${impact}`));
    assert.equal(await page.getByTestId('risk-row').count(), count);
  });
});

test('the filters narrow the register and a link reproduces them', async () => {
  await app.visit('/risks?level=strategic&band=red', async (page) => {
    const rows = page.getByTestId('risk-row');
    await rows.first().waitFor();
    const registers = await rows.locator('td:nth-of-type(1)').allTextContents();
    assert.ok(registers.every((r) => r.startsWith('Strategic')), registers.join(', '));
    assert.equal(await page.getByTestId('risk-level').inputValue(), 'strategic');
    assert.equal(await page.getByTestId('risk-band').inputValue(), 'red');
    const residuals = await rows.locator('td:nth-of-type(4)').allTextContents();
    assert.ok(residuals.every((r) => /Red/.test(r)), residuals.join(', '));
  });
});

test('the reporting calendar lists the coming dates and downloads them as an .ics file', async () => {
  await app.visit('/risks', async (page) => {
    await page.getByTestId('calendar-link').click();
    await page.waitForURL(/\/risks\/calendar$/);
    const rows = page.getByTestId('calendar-row');
    await rows.first().waitFor();
    const all = await rows.count();
    assert.ok(all >= 40, `${all} dates in twelve months`);
    const kinds = await rows.locator('td:nth-of-type(2)').allTextContents();
    for (const kind of ['Figures due', 'Leadership scorecard', 'Committee report', 'KPI audit', 'Target setting', 'Framework review']) {
      assert.ok(kinds.includes(kind), `${kind} is in the calendar`);
    }
    assert.equal(kinds.filter((k) => k === 'Leadership scorecard').length, 12, 'one leadership scorecard a month');

    await page.getByTestId('calendar-kind').selectOption({ label: 'Committee report' });
    const reports = await rows.count();
    assert.ok(reports >= 4 && reports < all);
    assert.match(await page.getByTestId('calendar-table').locator('caption').textContent(), new RegExp(`: ${reports} dates`));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('calendar-download').click()]);
    assert.match(download.suggestedFilename(), /^wealdshire-county-council-reporting-calendar-\d{4}-\d{2}-\d{2}\.ics$/);
    const text = await readFile(await download.path(), 'utf8');
    assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n'));
    assert.equal(text.match(/BEGIN:VEVENT/g).length, reports, 'the file holds the dates shown');
    assert.ok(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75));
  });
});

test('a lesson is added to the log (an incomplete one is refused) and marked shared with partners', async () => {
  await app.visit('/risks', async (page) => {
    await page.getByTestId('lessons-link').click();
    await page.waitForURL(/\/risks\/lessons$/);
    const rows = page.getByTestId('lesson-row');
    await rows.first().waitFor();
    const before = await rows.count();
    await page.getByTestId('lesson-title').fill('Winter plan agreed too late');
    await page.getByTestId('lesson-add').click();
    const outcome = page.getByTestId('lesson-outcome');
    assert.equal((await outcome.textContent()).trim(), 'Say what happened.');
    assert.equal(await outcome.getAttribute('role'), 'alert');
    assert.equal(await rows.count(), before);

    await page.getByTestId('lesson-what').fill('Hospital discharges slowed in December');
    await page.getByTestId('lesson-learning').fill('Agree the winter plan with providers by October');
    await page.getByTestId('lesson-by').fill('Grace Okafor');
    await page.getByTestId('lesson-kpi').selectOption({ index: 1 });
    await page.getByTestId('lesson-add').click();
    assert.equal((await outcome.textContent()).trim(), 'Added to the log: Winter plan agreed too late.');
    assert.equal(await rows.count(), before + 1);
    const added = rows.filter({ hasText: 'Winter plan agreed too late' });
    assert.match(await added.textContent(), /Not yet/);
    const caption = page.getByTestId('lessons-table').locator('caption');
    const unshared = Number((await caption.textContent()).match(/(\d+) not yet shared/)[1]);
    await added.getByTestId('lesson-share').click();
    assert.match(await added.locator('td').last().textContent(), /^Yes/);
    assert.match(await caption.textContent(), new RegExp(`${unshared - 1} not yet shared`));
  });
});

test('the action-plans overview lists red KPIs without a plan and the open actions, overdue first', async () => {
  await app.visit('/risks', async (page) => {
    await page.getByTestId('actions-link').click();
    await page.waitForURL(/\/risks\/actions$/);
    const missing = page.getByTestId('red-without-plan').locator('tbody tr');
    await page.getByTestId('open-actions').waitFor();
    const count = await missing.count();
    assert.ok(count >= 1, 'the demo has red KPIs without a plan');
    assert.match(await page.getByTestId('red-without-plan').locator('caption').textContent(), new RegExp(`\\(${count}\\)`));
    const rows = page.getByTestId('open-action');
    const overdueCaption = Number((await page.getByTestId('open-actions').locator('caption').textContent()).match(/(\d+) overdue/)[1]);
    const flags = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('[data-testid=action-overdue]') !== null));
    assert.equal(flags.filter(Boolean).length, overdueCaption);
    assert.deepEqual(flags, [...flags].sort((a, b) => Number(b) - Number(a)), 'overdue first');

    const name = (await missing.first().locator('a').textContent()).trim();
    await missing.first().locator('a').click();
    await page.getByTestId('kpi-rating').waitFor();
    assert.match(await page.getByTestId('kpi-rating').textContent(), /Red/);
    assert.equal((await page.getByTestId('page-heading').textContent()).trim(), name);
  });
});

test('a risk shows what it is before its review, and the score bands can be changed but not broken', async () => {
  await app.visit('/risks', async (page) => {
    const first = page.getByTestId('risk-row').first();
    await first.waitFor();
    await first.getByTestId('record-review').click();
    const details = page.getByTestId('risk-details');
    await details.waitFor();
    const text = await details.textContent();
    for (const term of ['Owner', 'Mitigations', 'When to escalate, and when to accept', 'KPIs it bears on', 'Ambitions it threatens']) {
      assert.ok(text.includes(term), `${term} is shown`);
    }
    assert.ok((await details.locator('dd').count()) >= 5);

    const cell = page.getByTestId('matrix-cell-2-3');
    assert.match(await cell.getAttribute('aria-label'), /score 6 \(Green\)/);
    await page.getByTestId('bands').locator('summary').click();
    await page.getByTestId('bands-green').fill('12');
    await page.getByTestId('bands-amber').fill('9');
    await page.getByTestId('bands-save').click();
    assert.match(await page.getByTestId('bands-outcome').textContent(), /must run green from 1, then amber, then red/);
    assert.match(await cell.getAttribute('aria-label'), /score 6 \(Green\)/, 'a refused change moves nothing');

    await page.getByTestId('bands-green').fill('4');
    await page.getByTestId('bands-save').click();
    assert.match(await page.getByTestId('bands-outcome').textContent(), /^Bands saved: green 1 to 4, amber to 9/);
    assert.match(await cell.getAttribute('aria-label'), /score 6 \(Amber\)/);
    assert.match(await page.getByTestId('matrix-cell-5-2').getAttribute('aria-label'), /score 10 \(Red\)/);
  });
});
