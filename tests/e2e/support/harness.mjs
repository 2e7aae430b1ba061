// One place that starts the server and browser for a test file and checks every page it opens:
// no console error, no uncaught exception, no request leaving 127.0.0.1 and no axe violation.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { serveStatic } from './server.mjs';
import { launchBrowser, openCheckedPage, recordProblems, screenshot } from './browser.mjs';
import { axeViolations } from './axe.mjs';

/**
 * The day a test that checks the demo council's figures fixes the browser's clock to. The demo council is made
 * as at today (src/demo: its history runs to the latest period ended, and its targets follow from the latest
 * values), so its figures can be worked out by hand only for a known day. 15 October 2026 is a fortnight after
 * the end of Q2 2026/27: monthly KPIs show September 2026, quarterly ones Q2, and the latest quarter a report
 * offers is that Q2, so the scorecard and the committee report show the same periods.
 */
export const DEMO_DAY = '2026-10-15T09:00:00Z';

/**
 * Registers before/after hooks for a test file and returns helpers bound to the running server.
 * `dist` defaults to the release build that .ci/test makes; `prefix` is the sub-path it is served under;
 * `encodings` the content encodings the server answers with (none unless asked: see server.mjs).
 */
export function useApp({ dist = process.env.PMF_DIST ?? 'dist', prefix = '/', encodings = [] } = {}) {
  const state = {};
  before(async () => {
    state.server = await serveStatic(dist, { prefix, encodings });
    state.browser = await launchBrowser();
  });
  after(async () => {
    await state.browser?.close();
    await state.server?.close();
  });

  return {
    /** The origin the build is served from, e.g. http://127.0.0.1:41234. */
    origin: () => state.server.origin,

    /**
     * Opens `path` in a fresh context and runs `body(page, { openTab })`, then checks the page: on any problem
     * the test fails with every problem listed and a screenshot saved. `openTab(path)` opens a second tab in
     * the same context (same storage), checked the same way. `now` (a date or ISO text, say DEMO_DAY) fixes
     * the clock of every page in the context to that moment before anything loads; timers still run.
     * `initScript` (a function) runs in every page before the app does, to take away a browser feature.
     */
    async visit(path, body, { contextOptions = {}, axe = true, now, initScript } = {}) {
      const checked = await openCheckedPage(state.browser, contextOptions);
      if (now !== undefined) {
        await checked.page.context().clock.setFixedTime(new Date(now));
      }
      if (initScript !== undefined) {
        await checked.page.context().addInitScript(initScript);
      }
      const tabs = [checked.page];
      const openTab = async (tabPath) => {
        const tab = await checked.page.context().newPage();
        recordProblems(tab, checked.problems);
        tabs.push(tab);
        await tab.goto(state.server.origin + tabPath);
        return tab;
      };
      try {
        await checked.page.goto(state.server.origin + path);
        await body(checked.page, { openTab });
        if (axe) {
          for (const tab of tabs) {
            checked.problems.push(...(await axeViolations(tab)).map((v) => `axe on ${tab.url()}: ${v}`));
          }
        }
        if (checked.problems.length > 0) {
          const shot = await screenshot(checked.page, `problems-${path}`);
          assert.fail(`${checked.problems.length} problem(s) on ${path} (screenshot: ${shot}):\n  ${checked.problems.join('\n  ')}`);
        }
      } catch (error) {
        if (!(error instanceof assert.AssertionError)) {
          const shot = await screenshot(checked.page, `error-${path}`).catch(() => 'none');
          error.message += ` (on ${path}; screenshot: ${shot})`;
        }
        throw error;
      } finally {
        await checked.close();
      }
    },
  };
}
