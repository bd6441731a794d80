// The answering page's HTML with its survey inlined: on a phone network every request costs a round trip
// (about 560 ms on "slow 4G"), so the edition's definition and units come inside the document, as JSON in a
// <script type="application/json"> (data, never run: the strict CSP stays as it is), and the page starts without
// asking for them. The code never reaches the server in a URL, so only the survey itself is inlined. The script
// and stylesheet come inside the document too, when the inline bundle is built (survey-inline.ts).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response } from 'express';
import { SURVEY_PAYLOAD_ELEMENT, type SurveyEditionPayload } from '#api/collection.js';
import { precompressed } from './precompressed.js';
import { allowScript, inlinedSurveyPage } from './survey-inline.js';
import { scriptSafeJson } from './script-json.js';

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

/** The page's HTML with the edition's payload inlined; unchanged when the slug is unknown. */
export async function surveyDocument(
  html: string,
  slug: string,
  source: SurveyPayloadSource,
): Promise<string> {
  const payload = await source(slug).catch(() => undefined);
  if (!payload) return html;
  const tag = `<script type="application/json" id="${SURVEY_PAYLOAD_ELEMENT}">${scriptSafeJson(JSON.stringify(payload))}</script>`;
  // A function as the replacement: a `$&` or `$'` in a name would be expanded by a replacement string.
  return html.replace('</body>', () => `  ${tag}\n  </body>`);
}

/**
 * Answers a GET of an answering page (`dir`: the built client): survey.html with its script and stylesheet
 * inlined when the inline bundle is built, and the edition's payload when the path names a known edition.
 */
export async function sendSurveyDocument(req: Request, res: Response, dir: string): Promise<void> {
  const inlined = await inlinedSurveyPage(dir);
  const source = req.app.locals.surveyPayload as SurveyPayloadSource | undefined;
  const slug = surveySlugOf(req.path);
  if (!inlined && !(source && slug)) return res.sendFile(path.join(dir, 'survey.html'));
  const html = inlined?.html ?? (await readFile(path.join(dir, 'survey.html'), 'utf8'));
  if (inlined) allowScript(res, inlined.scriptSource);
  // The payload changes when the edition does: revalidate every time (the ETag is Express's, of these bytes).
  res.setHeader('Cache-Control', 'no-cache');
  const text = source && slug ? await surveyDocument(html, slug, source) : html;
  // The same bytes for every respondent of an edition: brotli at its best quality, once made (precompressed.ts).
  const br = req.acceptsEncodings('br') === 'br' ? precompressed(text) : undefined;
  res.type('html');
  if (!br) return void res.send(text);
  res.vary('Accept-Encoding');
  res.setHeader('Content-Encoding', 'br');
  res.send(br);
}
