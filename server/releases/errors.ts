import type { Localized } from '#api/text.js';

/** A publish that cannot go ahead; `code` and the bilingual message say why and what to do. */
export class ReleaseError extends Error {
  constructor(
    readonly code: 'unknown_edition' | 'already_released' | 'wrong_supersedes' | 'empty_release',
    readonly text: Localized,
  ) {
    super(text.en);
    this.name = 'ReleaseError';
  }
}
