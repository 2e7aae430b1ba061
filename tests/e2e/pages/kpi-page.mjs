// Page object for a KPI's page: heading, rating, position, chart, the table behind it and the action plan.

import { chooseGiven, fillGiven } from '../support/forms.mjs';

export class KpiPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    this.heading = page.getByTestId('page-heading');
    this.rating = page.getByTestId('kpi-rating');
    this.position = page.getByTestId('kpi-position');
    this.chart = page.getByTestId('trend').getByTestId('chart');
    this.chartSummary = page.getByTestId('trend').getByTestId('chart-summary');
    this.historyRows = page.getByTestId('history-table').locator('tbody tr');
    this.actions = page.getByTestId('kpi-actions');
    this.definition = page.getByTestId('kpi-definition');
  }

  /** Fills the entry form's fields given (value, commentary, override, reason, by) and saves. */
  async record({ value, commentary, override, reason, by } = {}) {
    await fillGiven(this.page, { 'entry-value': value, 'entry-commentary': commentary });
    if (override !== undefined) await this.page.getByTestId('entry-override').selectOption(override);
    await fillGiven(this.page, { 'entry-override-reason': reason });
    await chooseGiven(this.page, { 'entry-by': by });
    await this.page.getByTestId('entry-save').click();
  }

  async ready() {
    await this.position.waitFor();
    return this;
  }

  /** Waits until ECharts has drawn into the chart's element. */
  async chartDrawn() {
    await this.chart.locator('canvas').first().waitFor();
  }

  /** The value of the definition row named `term`. */
  definitionOf(term) {
    return this.definition.locator('.app-definition__row', { has: this.page.locator(`dt:text-is("${term}")`) }).locator('dd').textContent();
  }
}
