import type { Page } from 'playwright-core';

// A string, not a function: tsx would wrap named inner functions in a helper the page does not have.
const SCRIPT = `(() => {
  const host = document.querySelector('ci-app').shadowRoot.querySelector('ci-ranking-page').shadowRoot
    .querySelector('ci-ranking-table').shadowRoot;
  const broken = [];
  const texts = [...host.querySelectorAll('thead th button')].flatMap((b) =>
    [...b.childNodes].filter((n) => n.nodeType === 3 && n.data.trim()),
  );
  if (!texts.length) return ['(no header text found)'];
  for (const text of texts) {
    // A line may end after a dash ('2006–' / '2008'): words are split there too.
    const words = text.data.matchAll(/[^\\s\u2013\u2014-]+[\u2013\u2014-]?/g);
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

/** Words of the ranking table's column headers that wrap onto two lines (e.g. "Transparen / cy"); a break after a dash is allowed. */
export const brokenHeaderWords = (page: Page): Promise<string[]> => page.evaluate(SCRIPT);
