// End-to-end tests of adding and changing a risk (issue 17): a risk added from its form goes on its
// directorate's register banded by its residual score, and closing it takes it off the open registers, each
// change in the risk's history; a form with several faults lists every one and adds nothing. axe checks every
// page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_DAY, useApp } from './support/harness.mjs';
import { RisksPage, numberIn } from './pages/risks-page.mjs';

const app = useApp();

/** Chooses the likelihood and impact of an assessment (`inherent`, `residual` or `target`). */
async function score(page, assessment, likelihood, impact) {
  await page.getByTestId(`risk-${assessment}-likelihood`).selectOption(likelihood);
  await page.getByTestId(`risk-${assessment}-impact`).selectOption(impact);
}

test('a risk added from its form goes on its register banded by its residual score, and closing it takes it off', async () => {
  await app.visit('/risks', async (page) => {
    let risks = await new RisksPage(page).ready();
    const open = await numberIn(page.getByTestId('risks-open'));
    await page.getByTestId('risk-add-link').click();
    await page.getByTestId('risk-edit').waitFor();
    assert.equal((await page.getByTestId('page-heading').textContent()).trim(), 'Add a risk');

    await page.getByTestId('risk-title').fill('Winter pressures on hospital discharge');
    await page.getByTestId('risk-level').selectOption('directorate');
    await page.getByTestId('risk-directorate').selectOption('dir-ahc');
    await page.getByTestId('risk-owner').selectOption('p-okafor');
    await score(page, 'inherent', '4', '5');
    await score(page, 'residual', '3', '4');
    await score(page, 'target', '2', '4');
    await page.getByTestId('risk-mitigations').fill('Discharge to assess beds\nWeekly system call');
    await page.getByTestId('risk-save').click();
    await page.getByTestId('risk-saved').filter({ hasText: 'Saved Winter pressures on hospital discharge.' }).waitFor();
    await page.waitForURL(/edit=risk-winter-pressures-on-hospital-discharge/);
    assert.equal((await page.getByTestId('page-heading').textContent()).trim(), 'Change a risk');

    await page.goto(`${app.origin()}/risks`);
    risks = await new RisksPage(page).ready();
    assert.equal(await numberIn(page.getByTestId('risks-open')), open + 1, 'one more open risk');
    const row = risks.rows.filter({ hasText: 'Winter pressures on hospital discharge' });
    const cells = (await row.locator('td').allTextContents()).map((t) => t.trim());
    // Its register and owner; then inherent 4 × 5 = 20 (red above 12), residual 3 × 4 = 12 (amber: 7 to 12),
    // target 2 × 4 = 8 (amber), with the default bands.
    assert.equal(cells[0], 'Directorate (Adults, Health and Commissioning)');
    assert.equal(cells[1], 'Grace Okafor');
    assert.match(cells[2], /^20\b.*Red/);
    assert.match(cells[3], /^12\b.*Amber/);
    assert.match(cells[4], /^8\b.*Amber/);

    // Closed on DEMO_DAY, the day it was opened: off the open registers, its record kept.
    await page.goto(`${app.origin()}/risks?edit=risk-winter-pressures-on-hospital-discharge`);
    await page.getByTestId('risk-closed').fill('2026-10-15');
    await page.getByTestId('risk-save').click();
    await page.getByTestId('risk-saved').waitFor();
    // Its change history, newest first, both changes at the fixed clock's 15 Oct 2026 09:00 UTC and nobody
    // having said who they were at this keyboard: the closing date set, then the risk added, field by field
    // from nothing (its title and owner among them).
    const changes = page.getByTestId('item-history-table').locator('tbody tr');
    await changes.filter({ hasText: 'closed' }).waitFor();
    const lines = await changes.evaluateAll((rows) => rows.map((row) => [...row.children].map((c) => c.textContent.trim())));
    const unnamed = 'someone who had not said who they were';
    assert.deepEqual(lines[0], ['15 Oct 2026, 09:00', 'closed', 'nothing → 2026-10-15', unnamed, 'edited here']);
    const added = lines.slice(1);
    assert.ok(added.every((cells) => cells[2].startsWith('nothing → ')), 'the rest is the risk added');
    assert.deepEqual(added.find((cells) => cells[1] === 'title'),
      ['15 Oct 2026, 09:00', 'title', 'nothing → Winter pressures on hospital discharge', unnamed, 'edited here']);
    assert.deepEqual(added.find((cells) => cells[1] === 'owner')?.[2], 'nothing → Grace Okafor', 'the owner by name, not id');
    await page.goto(`${app.origin()}/risks`);
    await new RisksPage(page).ready();
    assert.equal(await numberIn(page.getByTestId('risks-open')), open, 'back to as many open risks as before');
  }, { now: DEMO_DAY });
});

test('a risk form with several faults lists every one, each linked to its field, and adds no risk', async () => {
  await app.visit('/risks?edit=new', async (page) => {
    await page.getByTestId('risk-edit').waitFor();
    // No title, a directorate register with no directorate, a residual above the inherent score and a target
    // above the residual: four problems.
    await page.getByTestId('risk-level').selectOption('directorate');
    await score(page, 'inherent', '2', '3');
    await score(page, 'residual', '3', '4');
    await score(page, 'target', '4', '4');
    await page.getByTestId('risk-save').click();
    const problems = page.getByTestId('risk-edit-problems');
    await problems.waitFor();
    assert.deepEqual(await problems.locator('li').allTextContents(), [
      'Give the risk a short title.',
      'Choose the directorate whose directorate register holds it.',
      // 3 × 4 = 12 against 2 × 3 = 6; 4 × 4 = 16 against 12.
      'The residual score (3 × 4 = 12) is above the inherent score (2 × 3 = 6): with its mitigations in place a risk is no worse than without them.',
      'The target score (4 × 4 = 16) is above the residual score (3 × 4 = 12): the target is where mitigation brings the risk, no higher.',
    ]);
    await problems.getByRole('link', { name: /directorate register/ }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'risk-directorate');
    assert.equal((await page.getByTestId('page-heading').textContent()).trim(), 'Add a risk', 'no risk was added');
  }, { now: DEMO_DAY });
});
