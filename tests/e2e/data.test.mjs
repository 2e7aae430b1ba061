// End-to-end tests of the Data page against the release build: import with preview, replace, reload, undo,
// refusal of a bad file, merge with conflicts, CSV measurements, a full storage, corrupted storage and two
// tabs. Every visit is also checked for console errors, outside requests and axe violations.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useApp } from './support/harness.mjs';
import { DataPage, docsExampleFile, malformedFile, waitForFirstSave, WORKSPACE_KEY } from './pages/data-page.mjs';

const app = useApp();
const DEMO = 'Wealdshire County Council';

test('importing the docs example: preview, confirm, the data survives a reload, and undo restores the demo', async () => {
  await app.visit('/data', async (page) => {
    const data = await new DataPage(page).ready();
    const demoKpis = await data.count('KPIs');
    // src/demo/kpis.rs lists 70 KPIs: 12 for Adults, Health and Commissioning, 11 for Children, Education and
    // Families, 9 strategic and 11 corporate for Finance and Resources, 14 for Place and Sustainability and 13
    // for Strategy and Partnerships.
    assert.equal(demoKpis, 70, `the demo council has ${demoKpis} KPIs`);
    await waitForFirstSave(page);
    const savedDemo = await data.savedText();

    await data.chooseWorkspaceFile(await docsExampleFile());
    await data.preview.waitFor();
    assert.match(await page.getByTestId('import-council').textContent(), /Wealdshire County Council/);
    assert.equal(await data.count('KPIs'), demoKpis, 'nothing changes before the user confirms');
    const kpiDetails = page.getByTestId('import-change-details').filter({ hasText: 'KPIs in detail' });
    await kpiDetails.locator('summary').click();
    assert.match(await kpiDetails.textContent(), /New \(\d+\).*kpi-asc-assess/s, 'the new KPIs are named');
    assert.match(await kpiDetails.textContent(), /Removed \(\d+\)/, 'and the ones it would remove');

    await data.replace();
    const exampleKpis = await data.count('KPIs');
    assert.ok(exampleKpis < demoKpis, 'the example replaced the demo');
    await data.waitForSaveAfter(savedDemo);

    await page.reload();
    await data.ready();
    assert.equal(await data.count('KPIs'), exampleKpis, 'the import survives a reload');

    await data.undo();
    assert.equal(await data.count('KPIs'), demoKpis, 'undo brings the demo back exactly');
    assert.equal(await page.getByTestId('undo-import').count(), 0, 'there is nothing more to undo');
  });
});

test('a file dropped on the page is previewed like a chosen one', async () => {
  await app.visit('/data', async (page) => {
    const data = await new DataPage(page).ready();
    const kpis = await data.count('KPIs');
    await data.dropWorkspaceFile(await docsExampleFile());
    await data.preview.waitFor();
    assert.match(await data.preview.textContent(), /What example-from-the-docs\.json holds/);
    await page.getByTestId('cancel-import').click();
    await data.preview.waitFor({ state: 'detached' });
    assert.equal(await data.count('KPIs'), kpis, 'cancelling changes nothing');
  });
});

test('a file with problems is refused with every problem listed, and nothing changes', async () => {
  await app.visit('/data', async (page) => {
    const data = await new DataPage(page).ready();
    await waitForFirstSave(page);
    const before = await data.savedText();
    const kpis = await data.count('KPIs');

    // One audit with five faults: an impossible date, a quarter that does not exist, a seed over 2^32 and two
    // references to things not in the file. Every one is listed, with where it is and what was found.
    await data.chooseWorkspaceFile(await malformedFile('42-audit-with-five-faults.json'));
    await data.refused.waitFor();
    const problems = await page.getByTestId('problems').locator('li').allTextContents();
    assert.deepEqual(problems.map((p) => p.split(':')[0]), [
      'workspace.audits[0].drawn_on',
      'workspace.audits[0].quarter',
      'workspace.audits[0].seed',
      'workspace.audits[0].sample[0].kpi',
      'workspace.audits[0].sample[0].committee',
    ]);
    assert.match(problems[0], /found "2025-02-30"/);
    assert.match(problems[1], /"2024\/25 Q9" is not a period/);
    assert.match(problems[2], /from 0 to 4,294,967,295, not 4294967296/);
    assert.match(await data.refused.textContent(), /Nothing has changed/);

    await data.chooseWorkspaceFile(await malformedFile('10-array-at-top.json'));
    await page.getByTestId('import-error').filter({ hasText: 'array' }).waitFor();

    assert.equal(await data.count('KPIs'), kpis);
    // Leaving the page saves anything unsaved at once: there is nothing, so storage is as it was.
    await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    assert.equal(await data.savedText(), before, 'storage is untouched');
    assert.equal(await page.getByTestId('undo-import').count(), 0, 'no restore point was made');
  });
});

test('merging a file adds its items, keeps mine where we differ unless I choose theirs', async () => {
  await app.visit('/data', async (page) => {
    const data = await new DataPage(page).ready();
    const demoKpis = await data.count('KPIs');
    const example = await docsExampleFile();
    const json = JSON.parse(example.buffer.toString());
    json.workspace.framework.council_name = 'Their council';
    await data.chooseWorkspaceFile({ ...example, buffer: Buffer.from(JSON.stringify(json)) });
    await data.preview.waitFor();

    assert.ok((await data.conflicts.count()) >= 1, 'the settings differ');
    const settings = data.conflicts.filter({ hasText: 'Settings' });
    assert.match(await settings.locator('table').textContent(), /council name.*Wealdshire County Council.*Their council/s);
    await page.getByTestId('take-theirs-all').click();
    await page.getByTestId('keep-mine-all').click();
    assert.match(await page.getByTestId('confirm-merge').textContent(), /^Merge into my workspace$/);
    await settings.getByTestId('take-theirs').check();
    assert.match(await page.getByTestId('confirm-merge').textContent(), /taking theirs for 1/);

    await data.merge();
    assert.equal(await data.councilName.textContent(), 'Their council', 'their settings, as chosen');
    assert.ok((await data.count('KPIs')) > demoKpis, 'their KPIs are added to mine');
    await data.undo();
    assert.equal(await data.councilName.textContent(), DEMO);
    assert.equal(await data.count('KPIs'), demoKpis);
  });
});

test('measurements from a CSV: good rows are applied, bad rows are listed by line', async () => {
  await app.visit('/data', async (page) => {
    const data = await new DataPage(page).ready();
    const measurements = await data.count('Measurements');
    const csv = [
      'KPI;Period;Value;Commentary',
      'skpi-cef-neet;Apr 2020;5,4;"Forecast; agreed with partners"',
      'no-such-kpi;Apr 2025;12;',
      'skpi-cef-neet;Apr 2025;not a number;',
    ].join('\r\n');
    await data.chooseCsvFile({ name: 'returns.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) });
    await page.getByTestId('csv-preview').waitFor();
    assert.match(await page.getByTestId('csv-summary').textContent(), /^1 new, 0 changed, 0 the same as now; 2 rows with problems/);
    const problems = await page.getByTestId('problems').locator('li').allTextContents();
    assert.deepEqual(problems.map((p) => p.split(':')[0]), ['line 3, KPI', 'line 4, Value']);
    await page.getByTestId('confirm-csv').click();
    await page.getByTestId('csv-done').waitFor();
    assert.equal(await data.count('Measurements'), measurements + 1);
  });
});

test('a full storage is reported, the change stays on the page and the saved copy is untouched', async () => {
  await app.visit('/data', async (page) => {
    const data = await new DataPage(page).ready();
    await waitForFirstSave(page);
    const before = await data.savedText();
    await page.evaluate(() => {
      Storage.prototype.setItem = function refuse() {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.getByTestId('start-empty').click();
    const banner = page.getByTestId('save-failed');
    await banner.waitFor();
    assert.match(await banner.textContent(), /storage for this site is full/);
    assert.equal(await data.councilName.textContent(), 'Your council', 'the change is kept on the page');
    assert.equal(await data.count('KPIs'), 0);
    assert.equal(await data.savedText(), before, 'the saved copy is left whole');
  });
});

test('corrupted storage: the app opens, says so, and offers the unreadable data for download', async () => {
  await app.visit('/', async (page) => {
    await waitForFirstSave(page);
    await page.evaluate((key) => window.localStorage.setItem(key, 'pmf-z1:12:broken'), WORKSPACE_KEY);
    await page.reload();
    const notice = page.getByTestId('startup-notice');
    await notice.waitFor();
    assert.match(await notice.textContent(), /could not be read/);
    await notice.getByRole('link', { name: 'Go to the Data page' }).click();
    const data = await new DataPage(page).ready();
    assert.equal(await data.councilName.textContent(), DEMO);
    const download = page.waitForEvent('download');
    await page.getByTestId('download-kept').click();
    const file = await download;
    assert.match(file.suggestedFilename(), /^unreadable-workspace-.*\.json$/);
    assert.equal(await page.evaluate(() => window.localStorage.getItem('council-pmf.recovery')), 'pmf-z1:12:broken');
  });
});

test('two tabs: starting again in one shows in the other, which had no changes of its own', async () => {
  await app.visit('/data', async (first, { openTab }) => {
    const one = await new DataPage(first).ready();
    await waitForFirstSave(first);
    const second = await openTab('/data');
    const two = await new DataPage(second).ready();

    await first.getByTestId('start-empty').click();
    await one.waitForSaveAfter(await one.savedText());
    // The other tab takes up the save by itself: no banner, no reload.
    await second.getByTestId('council-name').filter({ hasText: 'Your council' }).waitFor();
    assert.equal(await two.count('KPIs'), 0);
    assert.equal(await second.getByTestId('changed-elsewhere').count(), 0);
  });
});

test('exports download the workspace, a directorate and the measurements', async () => {
  await app.visit('/data', async (page) => {
    await new DataPage(page).ready();
    const saved = async (click) => {
      const download = page.waitForEvent('download');
      await click();
      return (await download).suggestedFilename();
    };
    assert.match(await saved(() => page.getByTestId('export-workspace').click()), /^wealdshire-county-council-workspace-\d{4}-\d{2}-\d{2}\.json$/);
    assert.match(await saved(() => page.getByTestId('export-measurements').click()), /measurements-.*\.csv$/);
    await page.getByTestId('part-export').selectOption({ index: 1 });
    assert.match(await saved(() => page.getByTestId('export-part').click()), /^wealdshire-county-council-.+-workspace-.*\.json$/);
  });
});
