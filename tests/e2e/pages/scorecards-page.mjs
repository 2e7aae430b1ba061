// Page object for the scorecards page: the controls, the summary strip and the table.

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

  /** The query string of the page's address, without the `?`. */
  query() {
    return new URL(this.page.url()).search.slice(1);
  }
}
