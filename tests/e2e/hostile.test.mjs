// Hostile text: a colleague's file whose every free-text field carries script and markup payloads is imported,
// then every page is opened (and the report downloaded as a web page). Nothing may run — no dialog, no flag set
// by an injected handler, no element the payload tried to add — and the payloads must show as the text they are.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { useApp } from './support/harness.mjs';
import { DataPage } from './pages/data-page.mjs';

const app = useApp();

/** Markup that would run or add elements if it were ever read as HTML, in text or in an attribute. */
const PAYLOAD =
  `<img src=x onerror="window.__pwned='img'"><script>window.__pwned='script'</script>` +
  `<svg onload="window.__pwned='svg'"></svg>"'><b id="pwned-bold">bold</b>{{7*7}}`;

/** Fields that hold people's words (not ids, codes, dates or numbers). */
const FREE_TEXT = new Set([
  'council_name', 'vision', 'title', 'name', 'description', 'job_title', 'definition', 'source', 'commentary',
  'variance_explanation', 'data_quality_note', 'reason', 'by', 'note', 'achievable', 'progress',
  'escalation_criteria', 'what_happened', 'learning', 'raised_by', 'group', 'authority', 'findings', 'drawn_by',
  'checked_by', 'action', 'responsibilities', 'mitigations',
]);

/** Every free-text field of the workspace, with the payload in front. */
function poison(value, key = '') {
  if (Array.isArray(value)) {
    return value.map((item) => (typeof item === 'string' && FREE_TEXT.has(key) ? `${PAYLOAD} ${item}` : poison(item, key)));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, k)]));
  }
  if (typeof value === 'string' && FREE_TEXT.has(key)) {
    return `${PAYLOAD} ${value}`;
  }
  return value;
}

const PAGES = [
  '/', '/scorecards', '/scorecards?scope=committee%3Acom-ah', '/golden-thread', '/golden-thread/plan',
  '/golden-thread/structure', '/golden-thread/people', '/risks', '/risks?edit=risk-str-finance', '/risks/calendar', '/risks/actions', '/risks/lessons', '/risks/audit',
  '/risks/validation?directorate=dir-ahc', '/risks/roles?person=p-lund', '/reports',
  '/reports?scope=committee%3Acom-ah', '/reports/present', '/data', '/help', '/accessibility',
];

/** Resolves once the browser has painted two more frames: effects queued by what came before have run and drawn. */
function framesPainted(page) {
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * Waits until the page is drawn: every chart on it has its canvas (ECharts has loaded, on first use, and drawn;
 * tooltips, labels and the chart's text are the payload's way in), then two frames more for effects and paint.
 */
async function drawn(page) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-testid=chart]')].every((chart) => chart.querySelector('canvas') !== null),
  );
  await framesPainted(page);
}

async function assertNothingRan(page, where) {
  const state = await page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    injected: document.querySelectorAll('#pwned-bold, img[src="x"], svg[onload], script:not([src]):not([type="module"])').length,
  }));
  assert.equal(state.pwned, null, `a payload ran on ${where}`);
  assert.equal(state.injected, 0, `a payload added elements on ${where}`);
}

test('a workspace whose every text is a script or markup payload runs nothing on any page', async () => {
  await app.visit('/data', async (page) => {
    const dialogs = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss();
    });
    const data = await new DataPage(page).ready();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-workspace').click()]);
    const envelope = JSON.parse(await readFile(await download.path(), 'utf8'));
    const hostile = { ...envelope, workspace: poison(envelope.workspace) };
    await data.chooseWorkspaceFile({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostile)) });
    await Promise.race([data.preview.waitFor(), data.refused.waitFor()]);
    assert.equal(await data.refused.count(), 0, `the file was refused: ${await data.refused.first().textContent().catch(() => '')}`);
    await data.replace();
    await assertNothingRan(page, '/data after the import');
    assert.ok((await page.getByTestId('council-name').textContent()).includes('<script>'), 'the council name shows its markup as text');

    for (const path of PAGES) {
      await page.goto(app.origin() + path);
      await page.locator('main h1').first().waitFor();
      await drawn(page);
      const chart = page.locator('canvas').first();
      if (await chart.count()) {
        await chart.hover({ position: { x: 60, y: 60 } }).catch(() => {});
        await framesPainted(page);
      }
      await assertNothingRan(page, path);
    }
    assert.deepEqual(dialogs, [], 'no dialog opened');
    assert.ok((await page.evaluate(() => document.title)).includes('<script>'), 'the title shows the markup as text');
  });
});
