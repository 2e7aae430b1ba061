// Offline use: after the first visit the service worker has kept the app, so with the network gone a reload
// and deep links open it, with the workspace the person left and its charts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useApp } from './support/harness.mjs';

const app = useApp();

test('after the first visit the app reloads and opens deep links with no network', async () => {
  await app.visit('/scorecards', async (page) => {
    await page.getByTestId('scorecard-row').first().waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      const cache = await caches.open(names.find((n) => n.startsWith('pmf-')));
      return (await cache.keys()).map((r) => new URL(r.url).pathname);
    });
    assert.ok(cached.some((p) => p.endsWith('.wasm')), 'the wasm is kept');
    assert.ok(cached.some((p) => p.startsWith('/echarts')), 'ECharts is kept');
    assert.ok(cached.includes('/index.html'), 'the page is kept');

    await page.context().setOffline(true);
    await page.reload();
    await page.getByTestId('scorecard-row').first().waitFor();
    await page.goto(`${app.origin()}/risks/audit`);
    await page.getByTestId('audit-history-row').first().waitFor();
    assert.match(await page.getByTestId('council-name').textContent(), /Wealdshire County Council/);
    // ECharts, loaded only when a page first draws a chart, comes from the kept copy too.
    await page.goto(`${app.origin()}/scorecards/kpi/skpi-ahc-assess`);
    await page.locator('[data-testid=chart] canvas').first().waitFor();
    await page.context().setOffline(false);
  });
});

test('a browser without service workers (a plain http:// host on the network) still opens the app and saves', async () => {
  // Browsers offer no navigator.serviceWorker outside secure contexts; the app then works online only.
  const noServiceWorkers = () => {
    Object.defineProperty(Navigator.prototype, 'serviceWorker', { get: () => undefined, configurable: true });
  };
  await app.visit('/scorecards', async (page) => {
    assert.equal(await page.evaluate(() => navigator.serviceWorker), undefined, 'the browser offers no service workers');
    await page.getByTestId('scorecard-row').first().waitFor();
    assert.match(await page.getByTestId('council-name').textContent(), /Wealdshire County Council/);
    await page.getByTestId('save-state').filter({ hasText: 'All changes saved' }).waitFor();
  }, { initScript: noServiceWorkers });
});
