// Page object for the Data page: counts, imports (workspace and CSV), merge, undo and starting again.
import { readFile } from 'node:fs/promises';

/** The complete example in docs/file-format.md, as the bytes of a file. */
export async function docsExampleFile() {
  const markdown = await readFile('docs/file-format.md', 'utf8');
  const match = markdown.match(/<!-- example-workspace -->\s*```json\n([\s\S]*?)\n```/);
  if (!match) {
    throw new Error('docs/file-format.md has no example after <!-- example-workspace -->');
  }
  return { name: 'example-from-the-docs.json', mimeType: 'application/json', buffer: Buffer.from(match[1]) };
}

/** A malformed fixture from tests/fixtures/malformed, as a file. */
export async function malformedFile(name) {
  return { name, mimeType: 'application/json', buffer: await readFile(`tests/fixtures/malformed/${name}`) };
}

/** The key the app saves the workspace under (src/storage/local.rs). */
export const WORKSPACE_KEY = 'council-pmf.workspace';

/** Waits until the app has saved the workspace at least once (the autosave runs shortly after start-up). */
export async function waitForFirstSave(page) {
  await page.waitForFunction((key) => window.localStorage.getItem(key) !== null, WORKSPACE_KEY);
}

export class DataPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    this.councilName = page.getByTestId('council-name');
    this.preview = page.getByTestId('import-preview');
    this.refused = page.getByTestId('import-refused');
    this.importDone = page.getByTestId('import-done');
    this.conflicts = page.getByTestId('conflict');
  }

  async ready() {
    await this.page.getByTestId('workspace-counts').waitFor();
    return this;
  }

  /** The count shown for `kind` ("KPIs", "Measurements", …) in the workspace table. */
  async count(kind) {
    const row = this.page.getByTestId('workspace-counts').locator('tr', { has: this.page.locator(`th:text-is("${kind}")`) });
    return Number((await row.locator('td').textContent()).trim());
  }

  async chooseWorkspaceFile(file) {
    await this.page.getByTestId('import-file').setInputFiles(file);
  }

  /** Drops `file` on the workspace import's drop zone, as dragging it from the desktop would. */
  async dropWorkspaceFile(file) {
    const dataTransfer = await this.page.evaluateHandle(
      ({ name, mimeType, text }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], name, { type: mimeType }));
        return transfer;
      },
      { name: file.name, mimeType: file.mimeType, text: file.buffer.toString() },
    );
    const zone = this.page.getByTestId('import-file-drop');
    await zone.dispatchEvent('dragover', { dataTransfer });
    await zone.dispatchEvent('drop', { dataTransfer });
  }

  async chooseCsvFile(file) {
    await this.page.getByTestId('csv-file').setInputFiles(file);
  }

  async replace() {
    await this.page.getByTestId('confirm-replace').click();
    await this.importDone.waitFor();
  }

  async merge() {
    await this.page.getByTestId('confirm-merge').click();
    await this.importDone.waitFor();
  }

  async undo() {
    await this.page.getByTestId('undo-import').click();
    await this.page.getByTestId('undo-message').waitFor();
  }

  /** What is saved in local storage under the workspace key (null when nothing is). */
  savedText() {
    return this.page.evaluate((key) => window.localStorage.getItem(key), WORKSPACE_KEY);
  }

  /** Waits until the autosave has written something other than `previous`. */
  async waitForSaveAfter(previous) {
    await this.page.waitForFunction(
      ([key, before]) => window.localStorage.getItem(key) !== before,
      [WORKSPACE_KEY, previous],
    );
  }
}
