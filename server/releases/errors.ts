import type { Localized } from '#api/text.js';
import { HttpError } from '#server/http/errors.js';

/**
 * A publish that cannot go ahead; `code` and the bilingual message say why and what to do. An
 * HttpError (409, or 422 for an empty release), so a route that publishes needs no mapping of its own.
 */
export class ReleaseError extends HttpError {
  constructor(
    override readonly code: 'unknown_edition' | 'already_released' | 'wrong_supersedes' | 'empty_release',
    readonly text: Localized,
  ) {
    super(code === 'empty_release' ? 422 : code === 'unknown_edition' ? 404 : 409, code, text);
    this.name = 'ReleaseError';
  }
}
