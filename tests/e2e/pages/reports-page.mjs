// Page objects for the reports area: the reports page (whose report, which quarter, the report itself and its
// downloads) and presentation mode (the report as slides).
import { readFile } from 'node:fs/promises';

/** The reports page (/reports). */
export class ReportsPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    this.scope = page.getByTestId('report-scope');
    this.quarter = page.getByTestId('report-quarter');
    this.title = page.locator('#report-title');
    this.head = page.locator('.app-report__head');
    this.report = page.getByTestId('report');
    this.summary = page.getByTestId('report-summary');
    this.exceptionsTable = page.getByTestId('report-exceptions-table');
    this.exceptionRows = this.exceptionsTable.locator('tbody tr');
    this.exceptions = page.getByTestId('report-exception');
    this.scorecardTable = page.getByTestId('report-scorecard-table');
    this.scorecardRows = this.scorecardTable.locator('tbody tr');
    this.actionTables = page.getByTestId('report-actions');
  }

  /** Waits until the report for the scope and quarter in the address is drawn. */
  async ready() {
    await this.title.waitFor();
    return this;
  }

  /** Chooses the report for `label` ("Adults and Health Committee", …) and waits for it. */
  async choose(label) {
    await this.scope.locator('option').nth(1).waitFor({ state: 'attached' });
    await this.scope.selectOption({ label });
    await this.page.waitForURL(/scope=/);
    return this.ready();
  }

  /** The label of the quarter chosen ("Q2 2026/27 (July to September 2026)"). */
  chosenQuarter() {
    return this.quarter.locator('option:checked').textContent();
  }

  /** The headings of the report's sections, in order. */
  sectionHeadings() {
    return this.report.locator(':scope > section h3').allTextContents();
  }

  /** The cells of every body row of `table` (a locator), the row's heading first, trimmed. */
  static cells(table) {
    return table.locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent.trim())),
    );
  }

  /** The exceptions table's "Why" column, in order. */
  async exceptionReasons() {
    return (await ReportsPage.cells(this.exceptionsTable)).map((cells) => cells[1]);
  }

  /** The KPI names of the exceptions table, in order. */
  async exceptionNames() {
    return (await ReportsPage.cells(this.exceptionsTable)).map((cells) => cells[0]);
  }

  /**
   * The full scorecard's row for the KPI named `name`, as an object of its columns (KPI, Period, Value, Target,
   * Rating, Change, Trend, Forecast), or undefined when it is not there.
   */
  async scorecardLine(name) {
    const header = (await this.scorecardTable.locator('thead th').allTextContents()).map((h) => h.trim());
    const row = (await ReportsPage.cells(this.scorecardTable)).find((cells) => cells[0] === name);
    return row && Object.fromEntries(header.map((h, i) => [h, row[i]]));
  }

  /** Clicks the download button with test id `testId` and returns the download. */
  async download(testId) {
    const [file] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(testId).click()]);
    return file;
  }

  /** Downloads the table behind `testId` ("report-csv-scorecard", …): the file, whether it starts with the UTF-8
   * byte-order mark, and its lines without it (CRLF split). */
  async downloadCsvLines(testId) {
    const file = await this.download(testId);
    const text = await readFile(await file.path(), 'utf8');
    const bom = text.startsWith('\uFEFF');
    return { file, bom, lines: text.slice(bom ? 1 : 0).trimEnd().split('\r\n') };
  }

  /** Opens presentation mode for the report shown. */
  async present() {
    await this.page.getByTestId('report-present').click();
    await this.page.waitForURL(/\/reports\/present/);
    return new PresentationPage(this.page).ready();
  }
}

/** Presentation mode (/reports/present): one slide at a time, with a counter and controls. */
export class PresentationPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    this.slide = page.getByTestId('slide');
    this.counter = page.getByTestId('slide-counter');
    this.previous = page.getByTestId('slide-previous');
    this.next = page.getByTestId('slide-next');
  }

  async ready() {
    await this.counter.waitFor();
    return this;
  }

  /** How many slides the counter says there are. */
  async total() {
    return Number((await this.counter.textContent()).match(/of (\d+)/)[1]);
  }

  async counterText() {
    return (await this.counter.textContent()).trim();
  }

  /** The slide's heading. */
  heading() {
    return this.slide.locator('h2').textContent();
  }

  /** Presses `key` and waits for the counter to show slide `expected` (when given). */
  async press(key, expected) {
    await this.page.keyboard.press(key);
    if (expected !== undefined) {
      await this.page.waitForFunction(
        (n) => document.querySelector('[data-testid=slide-counter]')?.textContent.startsWith(`Slide ${n} of`),
        expected,
      );
    }
  }

  /**
   * The KPIs an ambition slide lists, in order: each one's RAG words, name and the value after its dash
   * ("— 78.8%" gives "78.8%").
   */
  kpiItems() {
    return this.slide.locator('.app-slide__kpis li').evaluateAll((items) =>
      items.map((li) => ({
        rag: li.querySelector('.app-rag__label').textContent.trim(),
        name: [...li.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim(),
        value: li.querySelector('.app-slide__value').textContent.replace(/^\s*—\s*/, '').trim(),
      })),
    );
  }

  /** An exception slide's line of facts: its RAG words and the sentence after them ("Value … against …"). */
  async facts() {
    const facts = this.slide.locator('.app-slide__facts');
    const rag = (await facts.locator('.app-rag__label').textContent()).trim();
    const sentence = await facts.evaluate((p) =>
      [...p.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim(),
    );
    return { rag, sentence };
  }

  /**
   * Every slide from the first to the last (leaves the deck on its last): its heading, the KPIs it lists
   * (ambition slides) and its facts (exception slides, the ones with a chart).
   */
  async allSlides() {
    const total = await this.total();
    await this.press('Home', 1);
    const slides = [];
    for (let n = 1; n <= total; n += 1) {
      if (n > 1) await this.press('ArrowRight', n);
      const charted = (await this.slide.locator('svg.app-chart').count()) === 1;
      slides.push({
        heading: (await this.heading()).trim(),
        kpis: await this.kpiItems(),
        facts: charted ? await this.facts() : null,
      });
    }
    return slides;
  }
}
