// Filling a form the way a person does: only the fields given, each by its test id.

/**
 * Fills each field of `fields` (test id → text) whose text is given; a field left `undefined` is not touched.
 * @param {import('playwright-core').Page} page
 * @param {Record<string, string | undefined>} fields
 */
export async function fillGiven(page, fields) {
  for (const [testId, text] of Object.entries(fields)) {
    if (text !== undefined) await page.getByTestId(testId).fill(text);
  }
}
