// Headless Debian Chromium through playwright-core, and pages that record every console error, uncaught
// exception and request leaving 127.0.0.1, so a test can insist there were none.
import { chromium } from 'playwright-core';
import { mkdir } from 'node:fs/promises';

/** The flags Chromium needs here (as root, headless, no network of its own). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Debian's Chromium, or the one `CHROMIUM_PATH` names. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARTIFACTS = 'target/e2e-artifacts';

/** Launches Chromium from Debian's package (never a downloaded browser). */
export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_FLAGS,
  });
}

function isLocal(url) {
  const { protocol, hostname } = new URL(url);
  return protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1';
}

/**
 * Records into `problems` every console error, uncaught exception, failed request, response with an error
 * status and request leaving 127.0.0.1 on `page`.
 */
export function recordProblems(page, problems, { scriptsAllowed = true } = {}) {
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location();
      problems.push(`console error at ${where.url}:${where.lineNumber}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`uncaught exception on ${page.url()}: ${error.message}`));
  page.on('request', (request) => {
    if (!isLocal(request.url())) {
      problems.push(`request left 127.0.0.1 from ${page.url()}: ${request.method()} ${request.url()}`);
    }
  });
  page.on('requestfailed', (request) => {
    if (!scriptsAllowed && request.resourceType() === 'script') {
      return; // with JavaScript off, Chromium refuses script loads by design
    }
    if (request.failure()?.errorText === 'net::ERR_ABORTED') {
      return; // the test moved on before a load finished (a favicon, say); a missing file shows as a 4xx below
    }
    problems.push(`request failed on ${page.url()}: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) {
      problems.push(`HTTP ${response.status()} on ${page.url()}: ${response.url()}`);
    }
  });
}

/**
 * Opens a new page in its own context that records problems as they happen.
 * @returns {Promise<{ page: import('playwright-core').Page, problems: string[], close: () => Promise<void> }>}
 */
export async function openCheckedPage(browser, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const problems = [];
  recordProblems(page, problems, { scriptsAllowed: contextOptions.javaScriptEnabled !== false });
  return { page, problems, close: () => context.close() };
}

/** Saves a full-page screenshot under target/e2e-artifacts/ and returns its path. */
export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = `${ARTIFACTS}/${name.replace(/[^a-z0-9-]+/gi, '_')}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}
