// Page object for the Data page's "Import from a spreadsheet" section: choose a sheet, map its columns, read
// the preview, import, and the reconcile list that follows.

export class SpreadsheetImport {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    this.mapping = page.getByTestId('spreadsheet-mapping');
    this.shapes = page.getByTestId('spreadsheet-shapes');
    this.preview = page.getByTestId('spreadsheet-preview');
    this.summary = page.getByTestId('spreadsheet-summary');
    this.problems = page.getByTestId('spreadsheet-problems').locator('li');
    this.readings = page.getByTestId('spreadsheet-readings').locator('li');
    this.confirmButton = page.getByTestId('spreadsheet-confirm');
    this.done = page.getByTestId('spreadsheet-done');
    this.refused = page.getByTestId('spreadsheet-refused');
    this.reconcileRows = page.getByTestId('reconcile-row');
  }

  /** Chooses a file called `name` holding `content` (text or bytes), and waits for the mapping or the refusal. */
  async choose(name, content, mimeType = 'text/csv') {
    const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    await this.page.getByTestId('spreadsheet-import-file').setInputFiles({ name, mimeType, buffer });
    await this.mapping.or(this.refused).waitFor();
  }

  /** Chooses the workbook's sheet shown as `label` ("Q2 scorecard (2 rows)"), and waits for its columns. */
  async chooseSheet(label) {
    await this.page.getByTestId('spreadsheet-sheet').selectOption({ label });
    await this.page.waitForFunction(
      (chosen) => document.querySelector('[data-testid=spreadsheet-sheet]')?.selectedOptions[0]?.textContent === chosen,
      label,
    );
    await this.mapping.waitFor();
  }

  /** The select saying what the column headed `heading` holds. */
  column(heading) {
    return this.mapping.locator(`tr[data-column="${heading}"] [data-testid=spreadsheet-column]`);
  }

  /** Says the column headed `heading` holds `label` (as the select words it), and waits for the preview to follow. */
  async map(heading, label) {
    const before = await this.summary.textContent();
    await this.column(heading).selectOption({ label });
    await this.page.waitForFunction(
      (text) => document.querySelector('[data-testid=spreadsheet-summary]')?.textContent !== text,
      before,
    );
  }

  async summaryText() {
    return (await this.summary.textContent()).trim();
  }

  /** Imports, and waits for the message saying what was imported. */
  async confirm() {
    await this.confirmButton.click();
    await this.done.waitFor();
    return (await this.done.textContent()).trim();
  }

  /** The reconcile list's rows as the cells a reader sees, keyed by KPI id. */
  reconcile() {
    return this.reconcileRows.evaluateAll((rows) =>
      rows.map((row) => ({ kpi: row.dataset.kpi, cells: [...row.children].map((cell) => cell.textContent.trim()) })),
    );
  }
}
