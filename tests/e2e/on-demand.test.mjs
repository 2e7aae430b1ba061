// Pages fetched on demand (issue 21): the first page waits only for the main module; another page's module
// arrives when that page is first opened, and a deep link into such a page opens it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useApp } from './support/harness.mjs';
import { AppShell } from './pages/app-shell.mjs';

const app = useApp();

/** The on-demand page modules the page itself has fetched so far, by page ("page-risks-<hash>.wasm" → "risks"). */
const pageModulesFetched = (page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname.match(/\/page-([a-z-]+)-[0-9a-f]+\.wasm$/)?.[1])
      .filter(Boolean),
  );

test("a first visit asks for the demo council's module and its chunks with the main module, not after it", async () => {
  await app.visit('/', async (page) => {
    await page.getByTestId('council-name').waitFor();
    const demo = await page.evaluate(() => {
      const entries = performance.getEntriesByType('resource');
      const module = entries.find((entry) => /\/lazy-demo-on-demand-[0-9a-f]+\.wasm$/.test(entry.name));
      const preloaded = [...document.querySelectorAll('link[rel=preload][href$=".wasm"]')].map((link) => link.href);
      return {
        module: module && { initiator: module.initiatorType, preloaded: preloaded.includes(module.name) },
        // Every wasm file index.html preloads is fetched once, by its link (the loader's fetch takes that
        // response): a first visit instantiates each of them.
        initiators: preloaded.map((href) => entries.filter((entry) => entry.name === href).map((e) => e.initiatorType)),
        preloads: preloaded.length,
      };
    });
    assert.deepEqual(demo.module, { initiator: 'link', preloaded: true }, "the demo's module came by the preload");
    // The demo's module, its chunks and the main module: 2 or more.
    assert.ok(demo.preloads > 2, `${demo.preloads} preloads`);
    assert.deepEqual(
      demo.initiators.filter((by) => by.length !== 1 || by[0] !== 'link'),
      [],
      'each preloaded file was fetched once, by its link',
    );
  });
});

test('the scorecards need no page module; opening the risks page fetches its module and no other', async () => {
  await app.visit('/scorecards', async (page) => {
    await page.getByTestId('scorecard-row').first().waitFor();
    assert.deepEqual(await pageModulesFetched(page), [], 'the first page fetched no page module');

    const shell = new AppShell(page);
    await shell.navLink('nav-risks').click();
    await page.getByTestId('risk-row').first().waitFor();
    assert.deepEqual(await pageModulesFetched(page), ['risks'], 'only the risks page module arrived');
  });
});

test("a KPI's page draws where it stands from the first download and its working sections from their own module", async () => {
  await app.visit('/scorecards/kpi/skpi-ahc-assess', async (page) => {
    await page.getByTestId('kpi-position').waitFor();
    await page.getByTestId('entry-form').waitFor();
    await page.getByTestId('kpi-history').waitFor();
    const fetched = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname.match(/\/lazy-([a-z-]+)-[0-9a-f]+\.wasm$/)?.[1]).filter(Boolean));
    assert.ok(fetched.includes('working-sections-on-demand'), `the working sections' module arrived: ${fetched}`);
    assert.deepEqual(await pageModulesFetched(page), [], 'and no page module');
    // Opened at its address, the page had its working sections, its chart's options and ECharts preloaded
    // from the start, instead of asking for each once the main module had drawn the page.
    await page.locator('[data-testid=chart] canvas').first().waitFor();
    const initiators = await page.evaluate(() =>
      Object.fromEntries(
        performance
          .getEntriesByType('resource')
          .map((entry) => [new URL(entry.name).pathname.match(/\/(lazy-[a-z-]+|echarts)-[0-9a-f]+\.(wasm|js)$/)?.[1], entry.initiatorType])
          .filter(([name]) => name && name !== 'lazy-demo-on-demand'),
      ),
    );
    assert.deepEqual(initiators, {
      'lazy-working-sections-on-demand': 'link',
      'lazy-chart-option': 'link',
      echarts: 'link',
    });
  });
});

test('a deep link into an on-demand page opens it with its own module', async () => {
  await app.visit('/data', async (page) => {
    const shell = await new AppShell(page).ready();
    assert.equal(await shell.headingText(), 'Data');
    assert.deepEqual(await pageModulesFetched(page), ['data']);
  });
});

test('while a page module is slow to arrive, the page says it is opening the page', async () => {
  await app.visit(
    '/scorecards',
    async (page) => {
      await page.getByTestId('scorecard-row').first().waitFor();
      // The help page's module is held back until the message has been seen.
      let release;
      const held = new Promise((resolve) => (release = resolve));
      await page.route(/\/page-help-[0-9a-f]+\.wasm$/, async (route) => {
        await held;
        await route.continue();
      });
      const shell = new AppShell(page);
      await shell.navLink('nav-help').click();
      const opening = page.getByTestId('page-opening');
      await opening.filter({ hasText: 'Opening the page…' }).waitFor({ state: 'visible' });
      release();
      await opening.waitFor({ state: 'detached' });
      assert.equal(await shell.headingText(), 'Help & about');
    },
    // Requests the service worker answers would not reach the route above, so the browser offers none (as
    // on a plain http:// host).
    {
      initScript: () => {
        Object.defineProperty(Navigator.prototype, 'serviceWorker', { get: () => undefined, configurable: true });
      },
    },
  );
});
