import { and, asc, eq, gte, isNull, or } from 'drizzle-orm';
import type { CentreLink } from '#api/visit.js';
import { vietnamToday } from '#server/collection/editions.js';
import type { Db } from '#server/db/client.js';
import { blocks, units } from '#server/db/schema/index.js';
import { HttpError } from '#server/http/errors.js';
import { serverMessage } from '#server/http/messages.js';
import { requireFamily } from '#server/setup/lookup.js';
import { qrSvg } from './qr.js';
import { signCentreToken } from './token.js';

export interface LinkOptions {
  counter?: string | undefined;
  kiosk?: boolean | undefined;
  /** Only this centre (the QR route); otherwise every centre valid today. */
  unit?: string;
}

/** The answering page's path for a token (the Vietnamese one: the public is Vietnamese first). */
export const visitPath = (token: string): string => `/khao-sat/visit/${token}`;

/**
 * Entry links and QR codes of a service family's centres that are valid today (or of one centre),
 * for printing at the centre, on a counter, or on the kiosk tablet.
 */
export async function centreLinks(
  db: Db,
  key: Buffer,
  family: string,
  origin: string,
  opts: LinkOptions = {},
): Promise<CentreLink[]> {
  const f = await requireFamily(db, family);
  if (f.kind !== 'service')
    throw new HttpError(422, 'wrong_family_kind', serverMessage('wrong_family_kind', { family }));
  const today = vietnamToday();
  const rows = await db
    .select({ u: units })
    .from(units)
    .innerJoin(blocks, eq(blocks.id, units.blockId))
    .where(
      and(
        eq(blocks.familyId, f.id),
        opts.unit === undefined
          ? or(isNull(units.validTo), gte(units.validTo, today))
          : eq(units.code, opts.unit),
      ),
    )
    .orderBy(asc(blocks.sortOrder), asc(units.code));
  if (opts.unit !== undefined && rows.length === 0)
    throw new HttpError(404, 'not_found', serverMessage('not_found.centre', { code: opts.unit, family }));
  return Promise.all(
    rows.map(async ({ u }) => {
      const token = signCentreToken(key, { family, unit: u.code, counter: opts.counter, kiosk: opts.kiosk });
      const url = `${origin}${visitPath(token)}`;
      return {
        centre: {
          code: u.code,
          name: { vi: u.nameVi, en: u.nameEn },
          validFrom: u.validFrom,
          validTo: u.validTo,
        },
        counter: opts.counter ?? null,
        kiosk: opts.kiosk === true,
        token,
        url,
        qrSvg: await qrSvg(url),
      };
    }),
  );
}
