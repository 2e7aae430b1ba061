// Page objects for the assurance pages reached from Risks & actions: the quarterly KPI audit, the validation
// sheets, roles with each person's review queue, and the reporting calendar with its timings.

import { chooseGiven, fillGiven } from '../support/forms.mjs';

/** The quarterly KPI audit (/risks/audit): the draw form, the audits drawn so far, a sample and its checks. */
export class AuditPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    this.history = page.getByTestId('audit-history-row');
    this.quarter = page.getByTestId('audit-quarter');
    this.drawOutcome = page.getByTestId('audit-draw-outcome');
    this.drawn = page.getByTestId('audit-drawn');
    this.reproducible = page.getByTestId('audit-reproducible');
    this.sampleRows = page.getByTestId('audit-sample-row');
    this.checksForm = page.getByTestId('audit-checks-form');
    this.checksOutcome = page.getByTestId('audit-checks-outcome');
    this.followUpOutcome = page.getByTestId('audit-follow-up-outcome');
  }

  /** Waits until the audits drawn so far are listed. */
  async ready() {
    await this.history.first().waitFor();
    return this;
  }

  /** Fills the draw form's fields given (quarter as an option value, seed, by) and draws. */
  async draw({ quarter, seed, by } = {}) {
    if (quarter !== undefined) await this.quarter.selectOption(quarter);
    if (seed !== undefined) await this.page.getByTestId('audit-seed').fill(seed);
    if (by !== undefined) await this.page.getByTestId('audit-drawn-by').selectOption(by);
    await this.page.getByTestId('audit-draw').click();
  }

  /** Waits until a drawn sample is open (its id is in the address). */
  async sampleOpened() {
    await this.page.waitForURL(/audit=audit-/);
  }

  /** The KPIs of the sample shown, in order (each row's heading). */
  async sampleKpis() {
    return (await this.sampleRows.locator('th').allTextContents()).map((t) => t.trim());
  }

  /** The sample row of `kpi` (its name). */
  sampleRow(kpi) {
    return this.sampleRows.filter({ hasText: kpi });
  }

  /** The text of cell `n` of the newest audit in the history ("1 of 10" checked at 2, open follow-ups at 4). */
  async historyCell(n) {
    return (await this.history.first().locator('td').nth(n).textContent()).trim();
  }

  /** Opens the checks form for `row` (an audit-sample-row locator). */
  async openChecks(row) {
    await row.getByTestId('audit-record').click();
    await this.page.waitForURL(/kpi=/);
    await this.checksForm.waitFor();
  }

  /** Marks `check` ("reported", "remedial_action", …) as `outcome` ("Met", "Not met", …). */
  async mark(check, outcome) {
    await this.page.getByTestId(`check-${check}`).getByLabel(outcome, { exact: true }).check();
  }

  /** Fills the checks form's free-text fields given (by, findings, followUp, owner, due) and saves. */
  async saveChecks({ by, findings, followUp, owner, due } = {}) {
    await fillGiven(this.page, { 'audit-findings': findings, 'audit-follow-up': followUp, 'audit-follow-up-due': due });
    await chooseGiven(this.page, { 'audit-checked-by': by, 'audit-follow-up-owner': owner });
    await this.page.getByTestId('audit-checks-save').click();
  }
}

/** The validation sheets (/risks/validation): the month's overview by directorate and one directorate's sheet. */
export class ValidationPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    this.overviewRows = page.getByTestId('sheet-overview-row');
    this.month = page.getByTestId('sheet-month');
    this.heading = page.locator('#sheet-heading');
    this.summary = page.getByTestId('sheet-summary');
    this.rows = page.getByTestId('sheet-row');
    this.caption = page.getByTestId('sheet-table').locator('caption');
  }

  async ready() {
    await this.overviewRows.first().waitFor();
    return this;
  }

  /** An overview row's directorate and its counts: due, no value, draft, submitted, approved, missing explanations. */
  async overview(row) {
    const name = (await row.locator('th').textContent()).trim();
    const counts = (await row.locator('td').allTextContents()).map(Number);
    return { name, counts };
  }

  /** Opens the sheet of an overview row. */
  async open(row) {
    await row.getByTestId('sheet-open').click();
    await this.page.waitForURL(/directorate=/);
  }

  /** The month options' values, newest first as the select lists them. */
  monthOptions() {
    return this.month.locator('option').evaluateAll((o) => o.map((x) => x.value));
  }

  async chooseMonth(value) {
    await this.month.selectOption(value);
    await this.page.waitForURL(new RegExp(`month=${encodeURIComponent(value)}`));
  }

  /** The sheet's variance-explanation column (the fifth cell of each row). */
  explanations() {
    return this.rows.locator('td:nth-of-type(5)').allTextContents();
  }
}

/** Roles and responsibilities (/risks/roles): who does what, and a chosen person's review queue. */
export class RolesPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    this.roles = page.getByTestId('role-row');
    this.person = page.getByTestId('roles-person');
    this.duties = page.getByTestId('review-queue-row');
  }

  async ready() {
    await this.roles.first().waitFor();
    return this;
  }

  /** Chooses the person whose name `name` begins, and waits for their queue. */
  async choosePerson(name) {
    await this.person.locator('option').nth(1).waitFor({ state: 'attached' });
    const value = await this.person.locator('option').evaluateAll(
      (options, wanted) => options.find((o) => o.textContent.startsWith(wanted))?.value,
      name,
    );
    if (!value) return null;
    await this.person.selectOption(value);
    await this.page.waitForURL(/person=/);
    await this.duties.first().waitFor();
    return value;
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The reporting calendar (/risks/calendar): the dates, a filter by kind, the .ics download and the timings. */
export class CalendarPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    this.rows = page.getByTestId('calendar-row');
    this.kind = page.getByTestId('calendar-kind');
    this.caption = page.getByTestId('calendar-table').locator('caption');
    this.timingsOutcome = page.getByTestId('timings-outcome');
    this.lead = page.locator('.app-lead');
  }

  async ready() {
    await this.rows.first().waitFor();
    return this;
  }

  /** Shows only the dates of the kind labelled `label` ("Figures due", "Committee report", …). */
  async showKind(label) {
    await this.kind.selectOption({ label });
  }

  /** The kind of every date shown, in order. */
  kinds() {
    return this.rows.locator('td:nth-of-type(2)').allTextContents();
  }

  /** The date of the row titled `title`, as a UTC timestamp (from "12 Jan 2027"). */
  async dateOf(title) {
    const text = await this.rows.filter({ hasText: title }).locator('td').first().textContent();
    const [, day, month, year] = text.match(/(\d+) (\w{3}) (\d{4})/);
    return Date.UTC(Number(year), MONTHS.indexOf(month), Number(day));
  }

  /** Opens the timings, fills the fields given (holidays, dataDue) and saves. */
  async saveTimings({ holidays, dataDue } = {}) {
    const timings = this.page.getByTestId('timings');
    if (!(await timings.evaluate((d) => d.open))) await timings.locator('summary').click();
    if (holidays !== undefined) await this.page.getByTestId('timings-holidays').fill(holidays);
    if (dataDue !== undefined) await this.page.getByTestId('timings-data-due').fill(dataDue);
    await this.page.getByTestId('timings-save').click();
  }

  /** Downloads the calendar as an .ics file. */
  async download() {
    const [file] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('calendar-download').click()]);
    return file;
  }
}
