import type { Page } from 'playwright-core';

// A string, not a function: tsx would wrap named inner functions in a helper the page does not have.
const SCRIPT = `(() => {
  const host = document.querySelector('ci-app').shadowRoot.querySelector('ci-ranking-page').shadowRoot
    .querySelector('ci-ranking-table').shadowRoot;
  const broken = [];
  for (const button of host.querySelectorAll('thead th button')) {
    const text = button.firstChild && button.firstChild.nodeType === 3 ? button.firstChild : null;
    if (!text) continue;
    const words = text.data.matchAll(/\\S+/g);
    for (const w of words) {
      const range = document.createRange();
      range.setStart(text, w.index);
      range.setEnd(text, w.index + w[0].length);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (lines.size > 1) broken.push(w[0]);
    }
  }
  return broken;
})()`;

/** Words of the ranking table's column headers that wrap onto two lines (e.g. "Transparen / cy"). */
export const brokenHeaderWords = (page: Page): Promise<string[]> => page.evaluate(SCRIPT);
