// Page object for the golden-thread page: the ARIA tree, its search, and the chosen node's details.

export class ThreadPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    this.tree = page.getByTestId('thread-tree');
    this.rows = page.getByTestId('thread-node');
    this.search = page.getByTestId('thread-search');
    this.detail = page.getByTestId('thread-detail');
    this.detailName = page.getByTestId('thread-detail-name');
    this.rollup = page.getByTestId('thread-rollup');
    this.breadcrumbs = page.getByTestId('thread-breadcrumbs').locator('li');
    this.contributes = page.getByTestId('thread-contributes').locator(':scope > li');
  }

  async ready() {
    await this.rows.first().waitFor();
    await this.detailName.waitFor();
    return this;
  }

  /** The focused tree row's key, level and expanded state (null when the focus is not on a row). */
  focusedRow() {
    return this.page.evaluate(() => {
      const row = document.activeElement;
      if (!row || row.getAttribute('role') !== 'treeitem') return null;
      return {
        key: row.dataset.key,
        level: Number(row.getAttribute('aria-level')),
        expanded: row.getAttribute('aria-expanded'),
        kind: row.querySelector('.app-tree__kind').textContent,
      };
    });
  }
}
