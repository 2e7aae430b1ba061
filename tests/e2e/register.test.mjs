// End-to-end test of the KPI register: every KPI listed, searched, narrowed by status, sorted by a column, each
// linked to its page and editor, and the rows shown downloaded as CSV and Excel. axe checks the page.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { DEMO_DAY, useApp } from './support/harness.mjs';
import { csvRecords } from './support/csv.mjs';
import { DataPage } from './pages/data-page.mjs';
import { threeKpiCouncil } from './support/councils.mjs';

const app = useApp();

test('the register lists every KPI, searches, sorts, links to each, and downloads the rows shown', async () => {
  await app.visit('/data', async (page) => {
    const data = await new DataPage(page).ready();
    await data.chooseWorkspaceFile(threeKpiCouncil());
    await data.replace();

    await page.goto(`${app.origin()}/scorecards`);
    await page.getByTestId('register-link').click();
    const rows = page.getByTestId('kpi-register').getByTestId('register-row');
    await page.getByTestId('register-count').filter({ hasText: '3 KPIs' }).waitFor();
    const names = async () => (await rows.locator('th').allTextContents()).map((n) => n.trim());
    // The workspace's order until a column is chosen.
    assert.deepEqual(await names(), ['Calls answered in 15 seconds', 'Invoices paid within 30 days', 'Complaints answered in time']);
    // By name, then by name descending.
    await page.getByTestId('register-sort-kpi').click();
    assert.deepEqual(await names(), ['Calls answered in 15 seconds', 'Complaints answered in time', 'Invoices paid within 30 days']);
    await page.getByTestId('register-sort-kpi').click();
    assert.deepEqual(await names(), ['Invoices paid within 30 days', 'Complaints answered in time', 'Calls answered in 15 seconds']);

    await page.getByTestId('register-search').fill('INVOICES paid');
    await page.getByTestId('register-count').filter({ hasText: /^1 KPI$/ }).waitFor();
    assert.deepEqual(await names(), ['Invoices paid within 30 days']);
    await page.getByTestId('register-search').fill('');
    await page.getByTestId('register-status').selectOption('retired');
    await page.getByTestId('register-empty').waitFor();
    await page.getByTestId('register-status').selectOption('active');
    await page.getByTestId('register-count').filter({ hasText: '3 KPIs' }).waitFor();

    const csvDownload = page.waitForEvent('download');
    await page.getByTestId('register-download-csv').click();
    const csvFile = await csvDownload;
    assert.match(csvFile.suggestedFilename(), /kpi-register.*\.csv$/);
    const csvText = await readFile(await csvFile.path(), 'utf8');
    assert.ok(csvText.startsWith('\uFEFF'), 'the byte-order mark Excel needs to show "£"');
    const records = csvRecords(csvText);
    assert.deepEqual(records.map((r) => [r.Reference, r.KPI, r.Status, r.Frequency]), [
      ['k-close', 'Invoices paid within 30 days', 'Active', 'Monthly'],
      ['k-met', 'Complaints answered in time', 'Active', 'Monthly'],
      ['k-short', 'Calls answered in 15 seconds', 'Active', 'Monthly'],
    ]);
    const xlsxDownload = page.waitForEvent('download');
    await page.getByTestId('register-download-xlsx').click();
    const xlsxFile = await xlsxDownload;
    assert.match(xlsxFile.suggestedFilename(), /kpi-register.*\.xlsx$/);
    const bytes = await readFile(await xlsxFile.path());
    assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'a zip, as an Excel workbook is');

    await rows.filter({ hasText: 'Complaints answered in time' }).getByRole('link', { name: 'Edit Complaints answered in time' }).click();
    await page.getByTestId('kpi-edit').waitFor();
    assert.equal(await page.getByTestId('kpi-edit-name').inputValue(), 'Complaints answered in time');
  }, { now: DEMO_DAY });
});
