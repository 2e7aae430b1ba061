// End-to-end tests of the app shell against the release build: every route, deep links, the not-found
// page, keyboard navigation and the no-script message. Each visit also asserts no console error, no
// request leaving 127.0.0.1 and no axe violation (see support/harness.mjs).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useApp } from './support/harness.mjs';
import { AREAS, AppShell } from './pages/app-shell.mjs';

const app = useApp();

for (const area of AREAS) {
  test(`deep link ${area.path} renders ${area.label} with its link marked current`, async () => {
    await app.visit(area.path, async (page) => {
      const shell = await new AppShell(page).ready();
      assert.equal(await shell.headingText(), area.label);
      assert.equal(await shell.councilName.textContent(), 'Wealdshire County Council');
      assert.equal(await shell.currentNavLink.count(), 1);
      assert.equal(await shell.currentNavLink.getAttribute('data-testid'), area.testId);
      assert.match(await page.title(), new RegExp(`^${area.label} – `));
      assert.equal(await page.locator('html').getAttribute('lang'), 'en-GB');
    });
  });
}

test('an unknown route shows the not-found page, which leads back to the overview', async () => {
  await app.visit('/no/such/page', async (page) => {
    const shell = await new AppShell(page).ready();
    assert.equal(await shell.headingText(), 'Page not found');
    assert.equal(await shell.currentNavLink.count(), 0);
    await page.getByTestId('back-to-overview').click();
    await page.waitForURL(`${app.origin()}/`);
    assert.equal(await shell.headingText(), 'Overview');
  });
});

test('the navigation moves between areas without reloading the page', async () => {
  await app.visit('/', async (page) => {
    const shell = await new AppShell(page).ready();
    await page.evaluate(() => {
      window.__sameDocument = true;
    });
    for (const area of AREAS.slice(1)) {
      await shell.navLink(area.testId).click();
      await page.waitForURL(app.origin() + area.path);
      assert.equal(await shell.headingText(), area.label);
    }
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'a navigation reloaded the page');
  });
});

test('keyboard: the first Tab reaches the skip link, which moves focus to the main content', async () => {
  await app.visit('/scorecards', async (page) => {
    const shell = await new AppShell(page).ready();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'skip-link');
    assert.equal(await shell.skipLink.isVisible(), true);
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main-content');
  });
});

test('keyboard: Tab walks the question of who you are, then the navigation, and Enter follows a link', async () => {
  await app.visit('/', async (page) => {
    const shell = await new AppShell(page).ready();
    await page.keyboard.press('Tab'); // skip link
    // A first visit asks who is at the keyboard, in the header before the navigation: its summary, the two
    // ways to answer, Save and Not now.
    const question = ['who-am-i-summary', 'who-am-i-person', 'who-am-i-name', 'who-am-i-save', 'who-am-i-later'];
    const reached = [];
    for (let i = 0; i < question.length + AREAS.length; i += 1) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement?.dataset.testid));
    }
    assert.deepEqual(reached, [...question, ...AREAS.map((a) => a.testId)]);
    await page.keyboard.press('Enter'); // on the last link: Help & about
    await page.waitForURL(`${app.origin()}/help`);
    assert.equal(await shell.headingText(), 'Help & about');
  });
});

test('without JavaScript the page explains what it needs', async () => {
  await app.visit(
    '/',
    async (page) => {
      const message = page.getByTestId('noscript-message');
      assert.equal(await message.isVisible(), true);
      assert.match(await message.textContent(), /needs JavaScript and WebAssembly/);
    },
    { contextOptions: { javaScriptEnabled: false }, axe: false },
  );
});

test('every page links to the accessibility statement, which follows the model statement for public bodies', async () => {
  await app.visit('/scorecards', async (page) => {
    await page.getByTestId('accessibility-link').click();
    await page.waitForURL(`${app.origin()}/accessibility`);
    const headings = await page.locator('main h2, main h3').allTextContents();
    for (const required of [
      'How accessible this tool is',
      'Feedback and contact information',
      'Reporting accessibility problems',
      'Enforcement procedure',
      'Compliance status',
      'Preparation of this accessibility statement',
    ]) {
      assert.ok(headings.some((h) => h.includes(required)), `the statement has "${required}"`);
    }
    assert.match(await page.locator('main').textContent(), /Wealdshire County Council/);
  });
});

test('the page runs under a Content-Security-Policy that allows only its own scripts and the hashed loader', async () => {
  await app.visit('/', async (page) => {
    await page.locator('main h1').waitFor();
    const { policy, inline } = await page.evaluate(() => ({
      policy: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? '',
      inline: [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent),
    }));
    const scriptSrc = policy.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
    assert.match(policy, /default-src 'none'/);
    assert.match(scriptSrc, /'wasm-unsafe-eval'/);
    assert.doesNotMatch(scriptSrc, /'unsafe-inline'|'unsafe-eval'|\*|https?:/);
    // Trunk's loader, and the preloads by address that .ci/split-wasm.mjs writes.
    assert.equal(inline.length, 2, 'two inline scripts: the loader and the preloads');
    const { createHash } = await import('node:crypto');
    for (const body of inline) {
      const hash = `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
      assert.ok(scriptSrc.includes(hash), `the policy names the hash of each inline script (${hash})`);
    }
  });
});

test('dark mode and Windows high contrast: the pages follow the system, RAG still reads as words and icons, axe 0', async () => {
  for (const [scheme, options] of [['dark', { colorScheme: 'dark' }], ['forced colours', { forcedColors: 'active' }]]) {
    for (const path of ['/', '/scorecards', '/scorecards/kpi/skpi-ahc-assess']) {
      await app.visit(path, async (page) => {
        await page.locator('[data-testid=rag]').first().waitFor();
        const seen = await page.evaluate(() => ({
          dark: matchMedia('(prefers-color-scheme: dark)').matches,
          forced: matchMedia('(forced-colors: active)').matches,
          background: getComputedStyle(document.documentElement).backgroundColor,
          rag: document.querySelector('[data-testid=rag] .app-rag__label')?.textContent.trim() ?? '',
          icon: document.querySelector('[data-testid=rag] svg') !== null,
        }));
        if (scheme === 'dark') {
          assert.equal(seen.dark, true);
          // --app-colour-background in the dark palette (style/tokens.css): #121314.
          assert.equal(seen.background, 'rgb(18, 19, 20)', `${path}: the dark background`);
        } else {
          assert.equal(seen.forced, true);
        }
        assert.match(seen.rag, /^(Red|Amber|Green|Not rated|No data|Baseline)/, `${path}: the RAG in words`);
        assert.equal(seen.icon, true, `${path}: the RAG icon`);
      }, { contextOptions: options });
    }
  }
});
