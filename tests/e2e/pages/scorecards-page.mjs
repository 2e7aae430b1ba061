// Page object for the scorecards page: the controls, the summary strip and the table.
import { readFile } from 'node:fs/promises';
import { csvRecords } from '../support/csv.mjs';

export class ScorecardsPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    this.title = page.getByTestId('scorecard-title');
    this.table = page.getByTestId('scorecard-table');
    this.rows = page.getByTestId('scorecard-row');
    this.shownCount = page.getByTestId('summary-shown');
  }

  async ready() {
    await this.table.waitFor();
    return this;
  }

  /** The KPI ids of the rows shown, in order. */
  kpiIds() {
    return this.rows.evaluateAll((rows) => rows.map((row) => row.dataset.kpi));
  }

  /** The RAG words of the rows shown, in order ("Red", "Amber (override)", "No data", …). */
  ragLabels() {
    return this.rows.evaluateAll((rows) =>
      rows.map((row) => row.querySelector('[data-testid=rag] .app-rag__label').textContent.trim()),
    );
  }

  /** Waits until the "Showing n of m" line changes from `before`. */
  async waitForChangeFrom(before) {
    await this.page.waitForFunction(
      ([text]) => document.querySelector('[data-testid=summary-shown]')?.textContent !== text,
      [before],
    );
  }

  async shownText() {
    return this.shownCount.textContent();
  }

  /** Picks `label` in the select with test id `testId` and waits for the table to follow. */
  async choose(testId, label) {
    const before = await this.page.url();
    await this.page.getByTestId(testId).selectOption({ label });
    await this.page.waitForFunction((url) => window.location.href !== url, before);
  }

  async openFilters() {
    const details = this.page.locator('.app-controls__filters');
    if (!(await details.evaluate((d) => d.open))) {
      await details.locator('summary').click();
    }
  }

  sortButton(column) {
    return this.page.getByTestId(`sort-${column}`);
  }

  /** The row of the KPI with id `id`. */
  row(id) {
    return this.table.locator(`[data-testid=scorecard-row][data-kpi="${id}"]`);
  }

  /**
   * What the row of KPI `id` shows, found by the column headings: the target, the value (without the period
   * printed under it) and that period, the previous value, the change, the RAG words and any override note, and
   * the trend, each as the text a reader sees (arrows included).
   */
  figures(id) {
    return this.row(id).evaluate((row) => {
      const headings = [...row.closest('table').querySelectorAll('thead th')].map((th) => th.textContent.replace(/[▲▼]/g, '').trim());
      const cell = (heading) => row.children[headings.indexOf(heading)];
      const text = (element) => element?.textContent.trim() ?? null;
      const without = (element, selector) => {
        const copy = element.cloneNode(true);
        copy.querySelectorAll(selector).forEach((e) => e.remove());
        return copy.textContent.trim();
      };
      const current = cell('Performance (current period)');
      const rag = cell('RAG rating');
      return {
        target: text(cell('Target')),
        value: without(current, '.app-scorecard__period'),
        period: text(current.querySelector('.app-scorecard__period')),
        previous: text(cell('Performance (previous period)')),
        change: text(cell('Change in performance')),
        rag: text(rag.querySelector('.app-rag__label')),
        ragNote: text(rag.querySelector('[data-testid=rag-override]')),
        trend: without(cell('Trend analysis'), '.app-flag'),
      };
    });
  }

  /** Downloads the view as shown ("export-view") and returns the file and its rows as objects keyed by column. */
  async downloadView() {
    const [file] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('export-view').click()]);
    return { file, records: csvRecords(await readFile(await file.path(), 'utf8')) };
  }

  /** The query string of the page's address, without the `?`. */
  query() {
    return new URL(this.page.url()).search.slice(1);
  }
}
