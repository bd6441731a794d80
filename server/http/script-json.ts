// JSON text made safe inside an HTML <script type="application/json"> element, for the documents that carry their
// first data inline (answering pages: survey-document.ts; public pages: public-first-view.ts). Every "<" becomes
// \u003c, so neither "</script" nor "<!--" can end or change the element; U+2028 and U+2029 are escaped as well, so
// the text also stays valid where it is read as JavaScript. JSON.parse gives back the same value.
export const scriptSafeJson = (json: string): string =>
  json
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
