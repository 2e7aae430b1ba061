// End-to-end tests of saving: two real tabs of one browser editing the same KPI (different fields, then the
// same field), a tab that only looks never writes, a full storage that frees up again, and the warning
// before closing a tab whose changes could not be saved. Nothing may be lost in any of them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useApp } from './support/harness.mjs';
import { KpiPage } from './pages/kpi-page.mjs';
import { waitForFirstSave } from './pages/data-page.mjs';

const app = useApp();

/** A KPI of the demo council with monthly values; its form opens on the latest period. */
const KPI_PATH = '/scorecards/kpi/skpi-ahc-assess';
/** The key of the last finished save (src/storage/stored_workspace.rs). */
const REVISION_KEY = 'council-pmf.revision';

const revision = (page) => page.evaluate((key) => window.localStorage.getItem(key), REVISION_KEY);

/** Waits until the header of `page` says every change is saved. */
const allSaved = (page) => page.getByTestId('save-state').filter({ hasText: 'All changes saved' }).waitFor();

/**
 * Takes the app's save lock in `page` and holds it until `release` is called, so edits made meanwhile in
 * any tab wait unsaved: both tabs then have changes when the first save lands, and the second must merge.
 */
async function holdSaveLock(page) {
  await page.evaluate(() => new Promise((held) => {
    navigator.locks.request('council-pmf.save', () => {
      held();
      return new Promise((release) => { window.releaseSaveLock = release; });
    });
  }));
  return () => page.evaluate(() => window.releaseSaveLock());
}

/** Fills only the given fields of the entry form in `page` and records them. */
async function record(page, fields) {
  for (const [testId, text] of Object.entries(fields)) {
    await page.getByTestId(testId).fill(text);
  }
  await page.getByTestId('entry-save').click();
  await page.getByTestId('entry-saved').waitFor();
}

test('two tabs: a tab that only looks writes nothing, and edits to different fields of one value are both kept', async () => {
  await app.visit(KPI_PATH, async (first, { openTab }) => {
    await new KpiPage(first).ready();
    await waitForFirstSave(first);
    await allSaved(first);
    const before = await revision(first);
    const second = await openTab(KPI_PATH);
    await new KpiPage(second).ready();
    // Leaving a tab saves whatever it has not saved: the tab that only looked has nothing to write.
    await second.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    assert.equal(await revision(first), before, 'opening a second tab rewrote nothing');

    const release = await holdSaveLock(first);
    await record(first, { 'entry-value': '95%' });
    await record(second, { 'entry-commentary': 'Commentary written in the second tab.' });
    await release();
    await allSaved(first);
    await allSaved(second);

    for (const page of [first, second]) {
      await page.reload();
      await new KpiPage(page).ready();
      // The form opens on the latest period: the first tab's value and the second tab's commentary.
      assert.equal(await page.getByTestId('entry-value').inputValue(), '95');
      assert.equal(await page.getByTestId('entry-commentary').inputValue(), 'Commentary written in the second tab.');
    }
    assert.equal(await first.getByTestId('save-conflicts').count(), 0, 'different fields are no conflict');
  });
});

test('two tabs: the same field edited in both keeps one value, shows both, and either can be chosen after a reload', async () => {
  await app.visit(KPI_PATH, async (first, { openTab }) => {
    await new KpiPage(first).ready();
    await waitForFirstSave(first);
    const second = await openTab(KPI_PATH);
    await new KpiPage(second).ready();

    const release = await holdSaveLock(first);
    await record(first, { 'entry-commentary': 'Words from the first tab.' });
    await record(second, { 'entry-commentary': 'Words from the second tab.' });
    await release();
    await allSaved(first);
    await allSaved(second);

    const both = ['Words from the first tab.', 'Words from the second tab.'];
    for (const page of [first, second]) {
      await page.reload();
      await new KpiPage(page).ready();
      const conflict = page.getByTestId('save-conflict');
      await conflict.waitFor();
      assert.match(await conflict.textContent(), /Measurements, skpi-ahc-assess .*: commentary/);
      const shown = [await conflict.getByTestId('conflict-kept').textContent(), await conflict.getByTestId('conflict-other').textContent()];
      assert.deepEqual([...shown].sort(), both, 'both values are shown');
      assert.equal(await page.getByTestId('entry-commentary').inputValue(), shown[0], 'the kept value is the one in use');
    }

    // Choosing the other version in one tab puts it in use in both, and the conflict is gone from both.
    const other = await first.getByTestId('conflict-other').textContent();
    await first.getByTestId('conflict-use-other').click();
    await first.getByTestId('save-conflicts').waitFor({ state: 'detached' });
    await second.getByTestId('save-conflicts').waitFor({ state: 'detached' });
    await allSaved(first);
    for (const page of [first, second]) {
      await page.reload();
      await new KpiPage(page).ready();
      assert.equal(await page.getByTestId('entry-commentary').inputValue(), other);
      assert.equal(await page.getByTestId('save-conflicts').count(), 0);
    }
  });
});

test('a full storage: no "saved" while it fails, the edit stays, closing warns, and it saves once space is free', async () => {
  await app.visit(KPI_PATH, async (page) => {
    await new KpiPage(page).ready();
    await waitForFirstSave(page);
    await page.evaluate(() => {
      window.realSetItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function refuse() {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await record(page, { 'entry-commentary': 'Written while the storage is full.' });
    const banner = page.getByTestId('save-failed');
    await banner.waitFor();
    assert.match(await banner.textContent(), /storage for this site is full/);
    assert.equal(await page.getByTestId('save-state').textContent(), 'Not saved');
    assert.doesNotMatch(await page.getByTestId('entry-saved').textContent(), /saved/i, 'the form does not claim it was saved');

    // Leaving now would lose the edit: the browser asks first.
    const dialog = new Promise((resolve) => page.once('dialog', (d) => { resolve(d.type()); d.dismiss(); }));
    await page.evaluate(() => { window.location.href = '/data'; });
    assert.equal(await dialog, 'beforeunload');

    await page.evaluate(() => { Storage.prototype.setItem = window.realSetItem; });
    // The app tries again by itself; no click is needed.
    await banner.waitFor({ state: 'detached' });
    await allSaved(page);
    await page.reload();
    await new KpiPage(page).ready();
    assert.equal(await page.getByTestId('entry-commentary').inputValue(), 'Written while the storage is full.');
  });
});
