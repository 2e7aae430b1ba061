// End-to-end tests of the change history: who is at the keyboard, an edit recorded in their name and shown
// on the KPI page and in the change log, a colleague's file merged with their records, and the history
// surviving an export and a re-import. Every visit is also checked for console errors, outside requests and
// axe violations.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { DEMO_DAY, useApp } from './support/harness.mjs';
import { DataPage, docsExampleFile } from './pages/data-page.mjs';
import { KpiPage } from './pages/kpi-page.mjs';
import { AuditPage } from './pages/assurance-page.mjs';

const app = useApp();

/** The cells of each row of the table with `testId`, as trimmed text. */
async function rowsOf(page, testId) {
  return page.getByTestId(testId).locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => [...row.children].map((cell) => cell.textContent.trim())));
}

/** Says who is at the keyboard through the header's "Who are you?". */
async function sayWhoIAm(page, name) {
  const who = page.getByTestId('who-am-i');
  if (!(await who.evaluate((details) => details.open))) await page.getByTestId('who-am-i-summary').click();
  await page.getByTestId('who-am-i-person').selectOption(name);
  await page.getByTestId('who-am-i-save').click();
  await page.getByTestId('who-am-i-summary').filter({ hasText: `You: ${name}` }).waitFor();
}

test('who you are goes on an edit, shown on the KPI page and in the change log, and sign-off follows it', async () => {
  await app.visit('/scorecards/kpi/skpi-ahc-assess', async (page) => {
    const kpi = await new KpiPage(page).ready();
    // A first visit asks, once: the question is open and says nobody is named yet.
    assert.equal(await page.getByTestId('who-am-i').evaluate((details) => details.open), true);
    assert.equal((await page.getByTestId('who-am-i-summary').textContent()).trim(), 'Who are you?');
    await sayWhoIAm(page, 'Grace Okafor');
    assert.equal(await page.getByTestId('who-am-i').evaluate((details) => details.open), false);
    assert.equal(await page.getByTestId('entry-by').inputValue(), 'Grace Okafor', 'the form signs as the person at the keyboard');

    // The newest figure as the page shows it before the edit, e.g. "Sep 2026" and "78.8%".
    const [period, before] = (await rowsOf(page, 'history-table'))[0];
    await kpi.record({ value: '100%' });
    await page.getByTestId('entry-saved').filter({ hasText: `Recorded the changes to ${period}` }).waitFor();

    // The figure's line in the KPI's history: the period, "value", from the old figure to 100% (a percentage
    // to one decimal place, as the KPI is written: 100.0%), by Grace, at the fixed clock's 15 Oct 2026 09:00
    // UTC, edited here.
    const history = page.getByTestId('kpi-history');
    await history.locator('tbody tr', { hasText: 'Grace Okafor' }).first().waitFor();
    const lines = await rowsOf(page, 'kpi-history-table');
    const valueLine = lines.find((cells) => cells[2] === 'value' && cells[4] === 'Grace Okafor');
    assert.deepEqual(valueLine, ['15 Oct 2026, 09:00', period, 'value', `${before} → 100.0%`, 'Grace Okafor', 'edited here']);

    // Submitting is Grace's; approving her own submission is refused, saying why; Erik approves.
    await page.getByTestId('entry-submit').click();
    await page.getByTestId('entry-signoff').filter({ hasText: 'Submitted by Grace Okafor' }).waitFor();
    await page.getByTestId('entry-approve').click();
    await page.getByTestId('entry-problems').filter({ hasText: 'you submitted this figure, so someone else must approve it' }).waitFor();
    await sayWhoIAm(page, 'Erik Lund');
    assert.equal(await page.getByTestId('entry-by').inputValue(), 'Erik Lund');
    await page.getByTestId('entry-approve').click();
    await page.getByTestId('entry-signoff').filter({ hasText: 'Approved by Erik Lund' }).waitFor();
    await history.locator('tbody tr', { hasText: 'Erik Lund' }).first().waitFor();
    const approval = (await rowsOf(page, 'kpi-history-table')).find((cells) => cells[4] === 'Erik Lund' && cells[2] === 'validation, state');
    assert.deepEqual(approval, ['15 Oct 2026, 09:00', period, 'validation, state', 'submitted → approved', 'Erik Lund', 'edited here']);

    // The change log: Grace made one change here (the figure and its commentary-free draft), her submission a
    // second; Erik's approval is one more. Narrowed to Grace: two changes.
    await history.getByRole('link', { name: 'Every change to the workspace' }).click();
    await page.getByTestId('change-log').waitFor();
    await page.getByTestId('change-log-person').selectOption('Grace Okafor');
    await page.getByTestId('change-log-count').filter({ hasText: /^2 changes to / }).waitFor();
    const logged = await rowsOf(page, 'change-log');
    assert.ok(logged.every((cells) => cells[1] === 'Grace Okafor'), 'only Grace');
    assert.ok(logged.some((cells) => cells[4] === 'value' && cells[5] === `${before} → 100.0%`), 'her figure');
    // The log's CSV holds the same lines.
    const download = page.waitForEvent('download');
    await page.getByTestId('change-log-csv').click();
    const csv = await readFile(await (await download).path(), 'utf8');
    assert.match(csv.split('\n')[0], /^\uFEFF?When \(UTC\),Who,How,Kind,Item,Field,From,To/);
    assert.equal(csv.trim().split('\n').length, 1 + logged.length, 'a line for each line shown');
  }, { now: DEMO_DAY });
});

test("a colleague's file merged in brings their records once, and an export re-imported keeps the history", async () => {
  await app.visit('/data', async (page) => {
    const data = await new DataPage(page).ready();
    await sayWhoIAm(page, 'Grace Okafor');
    const example = await docsExampleFile();
    const theirs = JSON.parse(example.buffer.toString());
    theirs.schema_version = 2;
    theirs.workspace.history = [{
      id: 'change-from-sam-0001', at: '2026-10-01T10:30:00Z', by: 'Sam Colleague', how: 'edited',
      list: 'framework', key: 'framework', label: 'Framework settings',
      fields: [{ field: 'vision', before: 'Old words', after: theirs.workspace.framework.vision }],
    }];
    const file = { ...example, name: 'sams-council.json', buffer: Buffer.from(JSON.stringify(theirs)) };
    await data.chooseWorkspaceFile(file);
    await data.preview.waitFor();
    await data.merge();

    await page.getByTestId('change-log-link').click();
    await page.getByTestId('change-log').waitFor();
    // Sam's record, as Sam made it in his file.
    await page.getByTestId('change-log-person').selectOption('Sam Colleague');
    await page.getByTestId('change-log-count').filter({ hasText: /^1 change to 1 field\.$/ }).waitFor();
    assert.deepEqual((await rowsOf(page, 'change-log'))[0].slice(0, 5), ['1 Oct 2026, 10:30', 'Sam Colleague', 'edited here', 'Framework settings', 'vision']);
    // What the merge brought, recorded in Grace's name as merged from his file.
    await page.getByTestId('change-log-person').selectOption('Grace Okafor');
    await page.getByTestId('change-log-how').selectOption('merged');
    const merged = await rowsOf(page, 'change-log');
    assert.ok(merged.length > 0 && merged.every((cells) => cells[2] === 'merged from “sams-council.json”'), 'every line says where it came from');
    const mergedCount = (await page.getByTestId('change-log-count').textContent()).trim();

    // Merging the same file again adds nothing.
    await page.getByTestId('nav-data').click();
    await data.ready();
    await data.chooseWorkspaceFile(file);
    await data.preview.waitFor();
    await data.merge();
    await page.getByTestId('change-log-link').click();
    await page.getByTestId('change-log-person').selectOption('Grace Okafor');
    await page.getByTestId('change-log-how').selectOption('merged');
    assert.equal((await page.getByTestId('change-log-count').textContent()).trim(), mergedCount);

    // Export, replace the workspace with the exported file, and the history is all there.
    await page.getByTestId('nav-data').click();
    await data.ready();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-workspace').click();
    const exported = await readFile(await (await download).path());
    const records = JSON.parse(exported.toString()).workspace.history.length;
    await data.chooseWorkspaceFile({ name: 'exported.json', mimeType: 'application/json', buffer: exported });
    await data.preview.waitFor();
    await data.replace();
    await page.getByTestId('change-log-link').click();
    await page.getByTestId('change-log').waitFor();
    await page.getByTestId('change-log-person').selectOption('Sam Colleague');
    await page.getByTestId('change-log-count').filter({ hasText: /^1 change to 1 field\.$/ }).waitFor();
    assert.ok(records > 1);
  }, { now: DEMO_DAY });
});

test("the KPI audit links each sampled KPI to the changes to its figures for the quarter audited", async () => {
  await app.visit('/risks/audit', async (page) => {
    const audit = await new AuditPage(page).ready();
    const quarter = (await audit.quarter.locator('option:checked').textContent()).trim();
    await audit.draw({ by: 'Governance and Performance Team' });
    await audit.sampleOpened();
    const row = audit.sampleRows.first();
    const name = (await row.locator('th').textContent()).trim();
    await row.getByTestId('audit-kpi-changes').click();
    await page.getByTestId('change-log').waitFor();
    assert.equal(
      (await page.getByTestId('change-log-scope').textContent()).trim(),
      `Only the changes to the figures of ${name} for ${quarter}. See every change`,
    );
    // The demo records each KPI's latest figure as its co-ordinator entered it, and every sampled KPI is
    // reported each quarter, so its latest figure (September's or the second quarter's) is the one change here.
    await page.getByTestId('change-log-count').filter({ hasText: /^1 change to \d+ fields?\.$/ }).waitFor();
    const lines = await rowsOf(page, 'change-log');
    assert.ok(lines.length > 0 && lines.every((cells) => cells[3].includes(` — ${name}, `)), 'only its figures');
    // "See every change" lifts the narrowing.
    await page.getByTestId('change-log-scope').getByRole('link').click();
    await page.getByTestId('change-log-scope').waitFor({ state: 'detached' });
  }, { now: DEMO_DAY });
});
