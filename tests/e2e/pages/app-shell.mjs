// Page object for the parts every page shares: header, navigation, main heading and skip link.

/** The app's top-level areas as the navigation shows them (mirrors src/ui/area.rs). */
export const AREAS = [
  { path: '/', label: 'Overview', testId: 'nav-overview' },
  { path: '/scorecards', label: 'Scorecards', testId: 'nav-scorecards' },
  { path: '/golden-thread', label: 'Golden thread', testId: 'nav-golden-thread' },
  { path: '/risks', label: 'Risks & actions', testId: 'nav-risks' },
  { path: '/reports', label: 'Reports', testId: 'nav-reports' },
  { path: '/data', label: 'Data', testId: 'nav-data' },
  { path: '/help', label: 'Help & about', testId: 'nav-help' },
];

export class AppShell {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    this.heading = page.getByTestId('page-heading');
    this.councilName = page.getByTestId('council-name');
    this.skipLink = page.getByTestId('skip-link');
    this.currentNavLink = page.locator('nav[aria-label="Main"] a[aria-current="page"]');
  }

  /** Waits until the app has mounted and rendered a page heading. */
  async ready() {
    await this.heading.waitFor();
    return this;
  }

  navLink(testId) {
    return this.page.getByTestId(testId);
  }

  async headingText() {
    return (await this.heading.textContent()).trim();
  }
}
