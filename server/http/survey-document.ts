// The answering page's HTML with its survey inlined: on a phone network every request costs a round trip
// (about 560 ms on "slow 4G"), so the edition's definition and units come inside the document, as JSON in a
// <script type="application/json"> (data, never run: the strict CSP stays as it is), and the page starts without
// asking for them. The code never reaches the server in a URL, so only the survey itself is inlined.
import { readFile } from 'node:fs/promises';
import { SURVEY_PAYLOAD_ELEMENT, type SurveyEditionPayload } from '#api/collection.js';

export type SurveyPayloadSource = (slug: string) => Promise<SurveyEditionPayload>;

/** The edition slug of an answering-page path (/survey/:slug…, /khao-sat/:slug…), or undefined (visit links). */
export function surveySlugOf(pathname: string): string | undefined {
  const [, root, slug] = pathname.split('/');
  if ((root !== 'survey' && root !== 'khao-sat') || !slug || slug === 'visit') return undefined;
  try {
    const s = decodeURIComponent(slug);
    return s.length <= 64 ? s : undefined;
  } catch {
    return undefined;
  }
}

/** JSON that is safe inside a script element: `<` (so `</script>`, `<!--`) and U+2028/9 escaped. */
const inlineJson = (x: unknown): string =>
  JSON.stringify(x)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** survey.html with the edition's payload inlined; the plain file when the slug is unknown. */
export async function surveyDocument(
  file: string,
  slug: string,
  source: SurveyPayloadSource,
): Promise<string> {
  const html = await readFile(file, 'utf8');
  const payload = await source(slug).catch(() => undefined);
  if (!payload) return html;
  const tag = `<script type="application/json" id="${SURVEY_PAYLOAD_ELEMENT}">${inlineJson(payload)}</script>`;
  return html.replace('<body>', `<body>\n    ${tag}`);
}
