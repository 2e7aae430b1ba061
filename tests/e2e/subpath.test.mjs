// The app served under a sub-path (/pmf/), as a council's own web server might host it: built with that
// public URL, it loads, moves between pages by its links, opens deep links, and asks for nothing outside
// /pmf/ (the server answers 404 there, which the harness counts as a problem). That server sends the build's
// brotli copies of its files (.ci/precompress.mjs), as docs/deployment.md asks of a host.
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { useApp } from './support/harness.mjs';

const dist = process.env.PMF_SUBPATH_DIST ?? 'dist-subpath';
const app = useApp({ dist, prefix: '/pmf/', encodings: ['br', 'gzip'] });

test('the app runs from the brotli copies of its files', async () => {
  await app.visit('/pmf/', async (page) => {
    await page.locator('main h1').waitFor();
    const main = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => /\/pmf-[0-9a-f]+_bg\.wasm$/.test(entry.name))
        .map(({ name, encodedBodySize, decodedBodySize }) => ({ name, encodedBodySize, decodedBodySize })),
    );
    assert.equal(main.length, 1, 'the main module is fetched once');
    const file = join(dist, new URL(main[0].name).pathname.replace('/pmf/', ''));
    // What arrived is the .br copy, byte for byte, and the browser decoded it to the module itself.
    assert.equal(main[0].encodedBodySize, statSync(`${file}.br`).size);
    assert.equal(main[0].decodedBodySize, statSync(file).size);
  });
});

test('under /pmf/ the app loads, its links stay under /pmf/ and deep links open', async () => {
  await app.visit('/pmf/', async (page) => {
    await page.locator('main h1').waitFor();
    await page.getByTestId('nav-risks').click();
    await page.waitForURL(`${app.origin()}/pmf/risks`);
    await page.getByTestId('audit-link').click();
    await page.waitForURL(`${app.origin()}/pmf/risks/audit`);
    await page.getByTestId('audit-history-row').first().waitFor();
    const links = await page.locator('main a[href^="/"], header a[href^="/"], footer a[href^="/"]').evaluateAll(
      (anchors) => anchors.map((a) => a.getAttribute('href')),
    );
    assert.ok(links.length >= 8);
    assert.deepEqual(links.filter((href) => !href.startsWith('/pmf/')), [], 'every link stays under /pmf/');
  });
  await app.visit('/pmf/scorecards?scope=committee%3Acom-ah', async (page) => {
    await page.getByTestId('kpi-link').first().waitFor();
    await page.getByTestId('kpi-link').first().click();
    await page.waitForURL(/\/pmf\/scorecards\/kpi\//);
    await page.getByTestId('history-table').waitFor();
    // The chart's library loads on first use, from under /pmf/ too (anything else is a 404 here).
    await page.locator('[data-testid=chart] canvas').first().waitFor();
    await page.goBack();
    await page.waitForURL(/\/pmf\/scorecards\?scope=committee/);
  });
});
