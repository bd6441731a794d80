// Visit entry at service centres (issue #15): a signed centre token in a link or QR code opens the
// visit survey for that centre without a survey code. Request bodies mirror
// api/schemas/visit/*.schema.json.
import type { Localized } from './text.js';

/** What a centre token carries (short keys keep the QR code small): family, unit, counter, kiosk. */
export interface CentreClaim {
  f: string;
  u: string;
  c?: string;
  k?: 1;
}

/** GET /api/v1/visit/:token */
export interface VisitEntryPayload {
  family: string;
  centre: { code: string; name: Localized };
  /** The counter (quầy) the link was printed for, or null for the whole centre. */
  counter: string | null;
  /** A kiosk tablet: the form resets after each submission and keeps nothing on the device. */
  kiosk: boolean;
  /** Slug of the survey edition open today that lists this centre; null when none is. */
  edition: string | null;
}

/** POST /api/v1/visit/:token/responses */
export interface VisitSubmitBody {
  submissionId: string;
  /** The edition the form was loaded from (GET /visit/:token). */
  edition: string;
  durationSeconds?: number;
  response: Record<string, unknown>;
}

/** One centre's entry link for analysts (GET /api/v1/admin/families/:family/centres/…). */
export interface CentreLink {
  centre: { code: string; name: Localized; validFrom: string | null; validTo: string | null };
  counter: string | null;
  kiosk: boolean;
  token: string;
  /** Absolute when PUBLIC_URL is set, else relative to the site. */
  url: string;
  /** Printable QR code of `url` (SVG). */
  qrSvg: string;
}

export interface CentreLinksPayload {
  family: string;
  links: CentreLink[];
}
