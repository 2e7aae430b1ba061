// End-to-end tests of people, roles and committees (issue 17): a person added on the people page is chosen from
// the list as an approver; a leaver's KPI and service are handed to them whole; a person form with several
// faults lists every one and changes nothing. axe checks every page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_DAY, useApp } from './support/harness.mjs';
import { KpiPage } from './pages/kpi-page.mjs';

const app = useApp();

/** The words of every choice of the select with test id `testId`. */
function choices(page, testId) {
  return page.getByTestId(testId).locator('option').allTextContents();
}

test('a person added is chosen as an approver, and a leaver hands them a KPI and a service', async () => {
  await app.visit('/golden-thread', async (page) => {
    await page.getByTestId('people-link').click();
    await page.getByTestId('person-form').waitFor();
    const caption = page.getByTestId('people-list').locator('caption');
    // The demo council has 52 people, none of whom has left.
    assert.equal((await caption.textContent()).trim(), 'People: 52 current, 0 who have left');

    await page.getByTestId('person-name').fill('  Sam   Patel ');
    await page.getByTestId('person-job-title').fill('Performance officer');
    await page.getByTestId('person-team').selectOption('team-gp-perf');
    await page.getByTestId('person-save').click();
    await page.getByTestId('person-saved')
      .filter({ hasText: 'Added Sam Patel: they can now be chosen wherever a person is named.' })
      .waitFor();
    assert.equal((await caption.textContent()).trim(), 'People: 53 current, 0 who have left');

    // Niamh Brennan owns one KPI (permanent admissions to care) and heads Commissioning.
    await page.getByTestId('person-choose').selectOption('p-brennan');
    assert.equal(
      (await page.getByTestId('person-duties').textContent()).trim(),
      'Niamh Brennan is responsible officer of 1 KPI and head of 1 service. Everything passes to the person chosen here.',
    );
    await page.getByTestId('person-leave').click();
    const outcome = page.getByTestId('person-leaving-outcome');
    await outcome.waitFor();
    assert.equal(await outcome.getAttribute('role'), 'alert');
    assert.equal(
      (await outcome.textContent()).trim(),
      'Niamh Brennan is still responsible officer of 1 KPI and head of 1 service: choose who takes this over.',
    );
    // The successor is chosen from the list, which now has Sam Patel.
    await page.getByTestId('person-successor').selectOption('p-sam-patel');
    await page.getByTestId('person-leave').click();
    await outcome
      .filter({ hasText: 'Recorded as having left; handed over: responsible officer of 1 KPI and head of 1 service.' })
      .waitFor();
    assert.equal((await caption.textContent()).trim(), 'People: 52 current, 1 who have left');
    await page.getByTestId('person-reinstate').waitFor();

    await page.goto(`${app.origin()}/scorecards/kpi/skpi-ahc-respcare`);
    const definition = page.getByTestId('kpi-definition');
    await definition.getByText('Sam Patel (Performance officer)').waitFor();

    // On another KPI, Sam Patel approves what Grace Okafor submitted, chosen from the list that no longer
    // offers the leaver.
    await page.goto(`${app.origin()}/scorecards/kpi/skpi-ahc-assess`);
    const kpi = await new KpiPage(page).ready();
    // The entry form is drawn from its own module, after the page's figures.
    await page.getByTestId('entry-by').waitFor();
    const offered = await choices(page, 'entry-by');
    assert.ok(offered.includes('Sam Patel, Performance officer'), 'the newcomer is offered');
    assert.ok(!offered.some((words) => words.startsWith('Niamh Brennan')), 'the leaver is not');
    await kpi.record({ value: '100%' });
    await page.getByTestId('entry-saved').waitFor();
    await page.getByTestId('entry-by').selectOption('Grace Okafor');
    await page.getByTestId('entry-submit').click();
    await page.getByTestId('entry-signoff').filter({ hasText: 'Submitted by Grace Okafor' }).waitFor();
    await page.getByTestId('entry-by').selectOption('Sam Patel');
    await page.getByTestId('entry-approve').click();
    await page.getByTestId('entry-signoff').filter({ hasText: 'Approved by Sam Patel' }).waitFor();
  }, { now: DEMO_DAY });
});

test('a person form with several faults lists every one, each linked to its field, and adds no one', async () => {
  await app.visit('/golden-thread/people', async (page) => {
    await page.getByTestId('person-form').waitFor();
    // A name already taken (in other capitals), a councillor placed in a team, and an officers' role given to a
    // councillor: three problems, three fields.
    await page.getByTestId('person-name').fill('grace okafor');
    await page.getByTestId('person-councillor').check();
    await page.getByTestId('person-team').selectOption('team-gp-perf');
    await page.getByTestId('person-role').first().check();
    await page.getByTestId('person-save').click();
    const problems = page.getByTestId('person-problems');
    await problems.waitFor();
    assert.deepEqual(await problems.locator('li').allTextContents(), [
      'Someone is already called grace okafor: add what tells them apart (a middle initial), as sign-offs and reviews are recorded by name.',
      'A councillor is not placed in an officer team: choose no team, or untick councillor.',
      'Corporate Leadership Team is a role for officers, and grace okafor is a councillor.',
    ]);
    await problems.getByRole('link', { name: /officer team/ }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'person-team');
    assert.equal(
      (await page.getByTestId('people-list').locator('caption').textContent()).trim(),
      'People: 52 current, 0 who have left',
    );
  });
});

test('an objective set for a person serves an ambition, and what it lacks to be SMART is said', async () => {
  await app.visit('/golden-thread/people', async (page) => {
    await page.getByTestId('person-form').waitFor();
    await page.getByTestId('person-choose').selectOption('p-shah');
    const form = page.getByTestId('objectives-form');
    await form.waitFor();
    // A blank title is refused.
    await page.getByTestId('objective-save').click();
    await page.getByTestId('objective-problems')
      .filter({ hasText: 'Say what will be done: the objective needs a title.' })
      .waitFor();

    await page.getByTestId('objective-title').fill('Publish the team’s data quality plan');
    await page.getByTestId('objective-measure').fill('Plan approved by CLT');
    await page.getByTestId('objective-ambition').first().check();
    await page.getByTestId('objective-due').fill('2027-03-31');
    await page.getByTestId('objective-save').click();
    // Measure, link and date given; nothing says what makes it achievable.
    await page.getByTestId('objective-saved')
      .filter({ hasText: 'Saved. To make it SMART: say what support or resources make it achievable.' })
      .waitFor();
    const objectives = await page.getByTestId('objective-choose').locator('option').allTextContents();
    assert.ok(objectives.includes('Publish the team’s data quality plan'), 'it is among her objectives');
  });
});
