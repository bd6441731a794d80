import type { Localized } from './text.js';

/** One survey edition taking answers today (GET /api/v1/surveys/open). */
export interface OpenSurvey {
  slug: string;
  family: { code: string; name: Localized; isDemo: boolean };
  year: number;
  /** Inclusive window, Vietnam dates (YYYY-MM-DD). */
  opensOn: string;
  closesOn: string;
  /** Answering without a code is allowed. */
  openMode: boolean;
  title: Localized;
  /** Who is asked: the definition's introduction. */
  intro: Localized;
  /** Demo editions only: a few unused try-it codes, clearly fictional. */
  demoCodes?: string[];
}

export interface OpenSurveysPayload {
  surveys: OpenSurvey[];
}
