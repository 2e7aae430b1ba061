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

/**
 * Chooses, in each select of `fields` (test id → the value or words of a choice) whose choice is given, that
 * choice; a field left `undefined` is not touched. People are chosen from the list, never typed.
 * @param {import('playwright-core').Page} page
 * @param {Record<string, string | undefined>} fields
 */
export async function chooseGiven(page, fields) {
  for (const [testId, choice] of Object.entries(fields)) {
    if (choice !== undefined) await page.getByTestId(testId).selectOption(choice);
  }
}
