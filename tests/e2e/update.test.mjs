// A new release while the app is open: the browser downloads it in the background, the page says so, and the
// person chooses when to reload into it. The test serves a copy of the release build, visits it until the
// service worker controls the page, then puts a new release in place as a deployment would (a service worker
// with a new build stamp) and reloads.
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { useApp } from './support/harness.mjs';

const COPY = 'target/e2e-update-dist';
rmSync(COPY, { recursive: true, force: true });
cpSync(process.env.PMF_DIST ?? 'dist', COPY, { recursive: true });
const app = useApp({ dist: COPY });

/** The build stamp the worker in the copy carries. */
function stampOf(worker) {
  const stamp = worker.match(/const BUILD = '([^']+)';/)?.[1];
  assert.ok(stamp, 'the service worker names its build stamp');
  return stamp;
}

const cacheNames = (page) => page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('pmf-')));

test('a new release waits until the person reloads into it, then replaces the old copy', async () => {
  await app.visit('/scorecards', async (page) => {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
    await page.getByTestId('scorecard-row').first().waitFor();
    const workerFile = join(COPY, 'service-worker.js');
    const first = readFileSync(workerFile, 'utf8');
    const oldStamp = stampOf(first);
    assert.deepEqual(await cacheNames(page), [`pmf-${oldStamp}`]);
    assert.equal(await page.getByTestId('update-available').count(), 0, 'no banner before a new release');

    const newStamp = `${oldStamp}-next`;
    writeFileSync(workerFile, first.replace(`'${oldStamp}'`, `'${newStamp}'`));
    await page.reload();
    const banner = page.getByTestId('update-available');
    await banner.waitFor({ timeout: 20_000 });
    assert.match(await banner.textContent(), /new version/i);
    // Until the person chooses, the old release still runs the page.
    await page.getByTestId('scorecard-row').first().waitFor();
    assert.ok((await cacheNames(page)).includes(`pmf-${oldStamp}`), 'the running release keeps its copy');

    const reloaded = page.waitForEvent('load');
    await page.getByTestId('update-reload').click();
    await reloaded;
    await page.getByTestId('scorecard-row').first().waitFor();
    await page.waitForFunction(
      async (stamp) => (await caches.keys()).filter((n) => n.startsWith('pmf-')).join() === `pmf-${stamp}`,
      newStamp,
      { timeout: 20_000 },
    );
    assert.equal(await page.getByTestId('update-available').count(), 0, 'the banner is gone after the update');
    assert.match(await page.getByTestId('council-name').textContent(), /Wealdshire County Council/);
  });
});
