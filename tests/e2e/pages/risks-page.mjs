// Page objects for the Risks & actions area's own pages: the risk register with its summary, heat map, review
// form and score bands; the lessons-learnt log; and the action-plans overview. (The assurance pages reached from
// the same area are in assurance-page.mjs.)

import { chooseGiven, fillGiven } from '../support/forms.mjs';

/** The first whole number in a locator's text ("3 overdue" → 3). */
export async function numberIn(locator) {
  return Number((await locator.textContent()).match(/\d+/)[0]);
}

/** The risk register (/risks): summary counts, filters, the 5×5 matrix as a table and a chart, and the rows. */
export class RisksPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    this.summary = page.getByTestId('risk-summary');
    this.overdueButton = page.getByTestId('reviews-overdue');
    this.rows = page.getByTestId('risk-row');
    this.level = page.getByTestId('risk-level');
    this.band = page.getByTestId('risk-band');
    this.cellFilter = page.getByTestId('risk-cell-filter');
    this.matrixTable = page.getByTestId('matrix-table');
    /** The 25 cells of the matrix table, each a button with its count. */
    this.matrixCells = this.matrixTable.locator('button');
    this.matrixChart = page.getByTestId('risk-matrix').getByTestId('chart');
    this.matrixSummary = page.getByTestId('risk-matrix').getByTestId('chart-summary');
    this.reviewForm = page.getByTestId('review-form');
    this.reviewOutcome = page.getByTestId('review-outcome');
    this.reviewHistoryRows = page.getByTestId('review-history').locator('tbody tr');
    this.details = page.getByTestId('risk-details');
    this.bandsOutcome = page.getByTestId('bands-outcome');
  }

  /** Waits until the summary of open and overdue risks is drawn. */
  async ready() {
    await this.summary.waitFor();
    return this;
  }

  /** The number of reviews overdue, as the summary's button says. */
  overdueCount() {
    return numberIn(this.overdueButton);
  }

  /** Shows only the overdue risks, by the summary's button. */
  async showOverdue() {
    await this.overdueButton.click();
    await this.page.waitForURL(/overdue=1/);
  }

  /** The row of the risk titled `title`. */
  row(title) {
    return this.rows.filter({ hasText: title });
  }

  /** The text of column `n` (0 = the first after the title) of every row shown. */
  columnTexts(n) {
    return this.rows.locator(`td:nth-of-type(${n + 1})`).allTextContents();
  }

  /** The matrix table's cell for `likelihood` × `impact`. */
  matrixCell(likelihood, impact) {
    return this.page.getByTestId(`matrix-cell-${likelihood}-${impact}`);
  }

  /** Waits until ECharts has drawn the matrix. */
  async matrixChartDrawn() {
    await this.matrixChart.locator('canvas').first().waitFor();
  }

  /** Clicks the middle of the chart's cell for `likelihood` × `impact`. */
  async clickChartCell(likelihood, impact) {
    await this.matrixChart.scrollIntoViewIfNeeded();
    const box = await this.matrixChart.boundingBox();
    // The grid leaves 60 px on the left, 20 on the right and top, 50 at the bottom; aim at the middle of the cell.
    const width = box.width - 80;
    const height = box.height - 70;
    const x = box.x + 60 + (Number(impact) - 0.5) * (width / 5);
    const y = box.y + 20 + (5 - Number(likelihood) + 0.5) * (height / 5);
    await this.page.mouse.click(x, y);
  }

  /** Opens the review form of `row` (a risk-row locator). */
  async openReview(row) {
    await row.getByTestId('record-review').click();
    await this.page.waitForURL(/review=/);
  }

  /** Fills the review form's fields given (by, likelihood, impact, note) and saves. */
  async recordReview({ by, likelihood, impact, note } = {}) {
    if (by !== undefined) await this.page.getByTestId('review-by').selectOption(by);
    if (likelihood !== undefined) await this.page.getByTestId('review-likelihood').selectOption(likelihood);
    if (impact !== undefined) await this.page.getByTestId('review-impact').selectOption(impact);
    if (note !== undefined) await this.page.getByTestId('review-note').fill(note);
    await this.reviewForm.getByTestId('review-save').click();
  }

  /** Opens the score bands, fills the edges given and saves. */
  async saveBands({ green, amber } = {}) {
    const bands = this.page.getByTestId('bands');
    if (!(await bands.evaluate((d) => d.open))) await bands.locator('summary').click();
    if (green !== undefined) await this.page.getByTestId('bands-green').fill(green);
    if (amber !== undefined) await this.page.getByTestId('bands-amber').fill(amber);
    await this.page.getByTestId('bands-save').click();
  }

  /** Follows the link with test id `testId` ("audit-link", "calendar-link", …) and waits for `url`. */
  async follow(testId, url) {
    await this.page.getByTestId(testId).click();
    await this.page.waitForURL(url);
  }
}

/** The lessons-learnt log (/risks/lessons): the form that adds a lesson, and the table. */
export class LessonsPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    this.rows = page.getByTestId('lesson-row');
    this.outcome = page.getByTestId('lesson-outcome');
    this.caption = page.getByTestId('lessons-table').locator('caption');
  }

  async ready() {
    await this.rows.first().waitFor();
    return this;
  }

  /** Fills the fields given (title, what, learning, by; kpi and risk as option indexes) and adds the lesson. */
  async add({ title, what, learning, by, kpiIndex, riskIndex } = {}) {
    await fillGiven(this.page, { 'lesson-title': title, 'lesson-what': what, 'lesson-learning': learning });
    await chooseGiven(this.page, { 'lesson-by': by });
    if (kpiIndex !== undefined) await this.page.getByTestId('lesson-kpi').selectOption({ index: kpiIndex });
    if (riskIndex !== undefined) await this.page.getByTestId('lesson-risk').selectOption({ index: riskIndex });
    await this.page.getByTestId('lesson-add').click();
  }

  /** How many lessons the table's caption says are not yet shared. */
  async unshared() {
    return Number((await this.caption.textContent()).match(/(\d+) not yet shared/)[1]);
  }

  row(title) {
    return this.rows.filter({ hasText: title });
  }
}

/** The action-plans overview (/risks/actions): red KPIs without a plan, and the open actions. */
export class ActionPlansPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    this.redWithoutPlan = page.getByTestId('red-without-plan');
    this.missingRows = this.redWithoutPlan.locator('tbody tr');
    this.openActions = page.getByTestId('open-actions');
    this.openActionRows = page.getByTestId('open-action');
  }

  async ready() {
    await this.openActions.waitFor();
    return this;
  }

  /** How many open actions the table's caption says are overdue. */
  async overdueInCaption() {
    return Number((await this.openActions.locator('caption').textContent()).match(/(\d+) overdue/)[1]);
  }

  /** For each open action in order, whether it is flagged overdue. */
  overdueFlags() {
    return this.openActionRows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('[data-testid=action-overdue]') !== null));
  }
}
