// The app served under a sub-path (/pmf/), as a council's own web server might host it: built with that
// public URL, it loads, moves between pages by its links, opens deep links, and asks for nothing outside
// /pmf/ (the server answers 404 there, which the harness counts as a problem).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useApp } from './support/harness.mjs';

const app = useApp({ dist: process.env.PMF_SUBPATH_DIST ?? 'dist-subpath', prefix: '/pmf/' });

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
