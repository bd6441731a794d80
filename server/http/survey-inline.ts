// The answering page as one document. On a phone network every request costs a round trip (about 560 ms on
// "slow 4G"), and a page that needs its HTML, then its script, then its stylesheet paints after two or three of
// them. So the survey document carries its stylesheet in a <style> and the whole answering bundle
// (dist/answer-inline/answer.js, one script without imports, built by client/vite.inline.config.ts) in one
// inline script. The strict CSP stays: no 'unsafe-inline', the script is allowed by its SHA-256 hash,
// computed here from the built file and added to script-src of this response only.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Response } from 'express';

export interface InlinedSurveyPage {
  /** survey.html with its stylesheet and script inside. */
  html: string;
  /** The CSP source that allows the inline script: 'sha256-…'. */
  scriptSource: string;
}

/** Where the inline bundle lives for a built client folder (dist/client → dist/answer-inline/answer.js). */
export const inlineBundleOf = (clientDir: string): string =>
  path.join(clientDir, '..', 'answer-inline', 'answer.js');

/** Text that may not appear in an inline script: it would end the element or change how it is parsed. */
const UNSAFE_IN_SCRIPT = /<\/script|<!--|<script/i;

/**
 * The page built from `survey.html` (whose stylesheet links point into `dir`) and `bundle`. Throws when the
 * bundle holds text the HTML parser would treat as markup (a build change to look at, not to hide).
 */
export async function composeSurveyPage(
  dir: string,
  html: string,
  bundle: string,
): Promise<InlinedSurveyPage> {
  if (UNSAFE_IN_SCRIPT.test(bundle))
    throw new Error(`${inlineBundleOf(dir)} contains "</script", "<script" or "<!--" and cannot be inlined`);
  let page = html
    .replace(/\s*<script type="module"[^>]*src="[^"]*"[^>]*><\/script>/g, '')
    .replace(/\s*<link rel="modulepreload"[^>]*>/g, '');
  for (const m of [...page.matchAll(/<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g)]) {
    const css = await readFile(path.join(dir, m[1]!), 'utf8');
    page = page.replace(m[0], () => `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>`);
  }
  // First in the body, as a classic script: it is compiled and run while the rest of the document (the survey
  // data) still arrives, and the page waits for that (api.ts). A function, not a string, as the replacement:
  // the bundle holds `$'` and `$&`, which a string would expand.
  page = page.replace('<body>', () => `<body>\n    <script>${bundle}</script>`);
  const scriptSource = `'sha256-${createHash('sha256').update(bundle, 'utf8').digest('base64')}'`;
  return { html: page, scriptSource };
}

let cached: { key: string; page: InlinedSurveyPage } | undefined;

/**
 * The inlined page for the built client in `dir`, or undefined when there is no inline bundle (a client built
 * without it: the plain survey.html with its script files still works). Rebuilt when either file changes.
 */
export async function inlinedSurveyPage(dir: string): Promise<InlinedSurveyPage | undefined> {
  const htmlFile = path.join(dir, 'survey.html');
  const bundleFile = inlineBundleOf(dir);
  const stats = await Promise.all([stat(htmlFile), stat(bundleFile)]).catch(() => undefined);
  if (!stats) return undefined;
  const key = `${htmlFile}:${stats.map((s) => `${s.mtimeMs}/${s.size}`).join(':')}`;
  if (cached?.key !== key) {
    const [html, bundle] = await Promise.all([readFile(htmlFile, 'utf8'), readFile(bundleFile, 'utf8')]);
    cached = { key, page: await composeSurveyPage(dir, html, bundle) };
  }
  return cached.page;
}

/** Adds `source` to the script-src of the response's Content-Security-Policy (set by security-headers.ts). */
export function allowScript(res: Response, source: string): void {
  const policy = res.getHeader('Content-Security-Policy');
  if (typeof policy !== 'string') return;
  res.setHeader(
    'Content-Security-Policy',
    policy.replace(/(^|;)(\s*script-src)([^;]*)/, (_m, start: string, name: string, list: string) =>
      list.includes("'unsafe-inline'") ? `${start}${name}${list}` : `${start}${name}${list} ${source}`,
    ),
  );
}
