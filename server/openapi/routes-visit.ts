import { op, ws } from './op.js';
import type { RouteDoc } from './types.js';

// Visits at service centres (issue #15): entry through a signed centre token (server/routes/visit/).

const token =
  'The token (from the centre’s link or QR code) names a family’s centre, optionally a counter and the kiosk flag, signed with HMAC-SHA-256; a forged or altered token is a 403 invalid_centre_token.';

export const visitRouteDocs: RouteDoc[] = [
  op(
    'get',
    '/visit/:token',
    'visits',
    'Open a centre’s link',
    `The centre, counter and kiosk flag of a centre token, and the slug of the survey edition taking answers today that lists the centre (null when none). ${token}`,
  ),
  op(
    'post',
    '/visit/:token/responses',
    'visits',
    'Submit a visit',
    `One visit without a survey code: the answers must name the token’s centre; stored anonymously through the mixer like any response. Limited per address and centre (higher for a kiosk) and per centre per hour (429 with Retry-After). ${token}`,
    'visit/submit-visit',
  ),
  {
    ...op(
      'get',
      '/admin/families/:family/centres/links',
      'visits',
      'Centre links and QR codes',
      `A signed entry link and a printable SVG QR code for each centre of a service family that is valid today. Analyst role. ${ws}`,
    ),
    query: { counter: 'Print for this counter (quầy)', kiosk: 'Links for a kiosk tablet (true/false)' },
  },
  {
    ...op(
      'get',
      '/admin/families/:family/centres/:code/qr.svg',
      'visits',
      'A centre’s QR code',
      `The printable QR code (image/svg+xml) of one centre’s link. Analyst role. ${ws}`,
    ),
    alsoAs: ['image/svg+xml'],
    query: { counter: 'Print for this counter (quầy)', kiosk: 'A kiosk tablet’s code (true/false)' },
  },
];
