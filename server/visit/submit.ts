import type { QualityFlag } from '#api/collection-admin.js';
import type { VisitSubmitBody } from '#api/visit.js';
import type { UnitsQuestion } from '#surveys/types.js';
import type { CodeHasher } from '#server/collection/code-hash.js';
import { requireEdition, type LoadedEdition } from '#server/collection/editions.js';
import { fieldError, invalid } from '#server/collection/errors.js';
import { assertOpen, checkResponse, storeResponse } from '#server/collection/submit.js';
import type { Db } from '#server/db/client.js';
import { serverMessage } from '#server/http/messages.js';
import type { VisitPlace } from './entry.js';

/** The definition's units question whose block lists the centre in this edition (CENTRE in sipas-visit). */
function centreQuestion(edition: LoadedEdition, unitCode: string): UnitsQuestion | undefined {
  for (const section of edition.definition.sections)
    for (const q of section.questions)
      if (q.type === 'units' && edition.unitIds.has(`${q.block}/${unitCode}`)) return q;
  return undefined;
}

function wrongEdition(): never {
  throw invalid(
    [fieldError('/edition', 'wrong_edition', serverMessage('wrong_edition.visit'))],
    'wrong_edition',
  );
}

/** The place's answer must name exactly the token's centre: a link of centre A cannot rate centre B. */
function assertCentre(q: UnitsQuestion, place: VisitPlace, response: unknown): void {
  const answers = (response as { answers?: Record<string, unknown> } | null)?.answers;
  const given = answers?.[q.code];
  if (Array.isArray(given) && given.length === 1 && given[0] === place.unitCode) return;
  const message = serverMessage('wrong_centre', { centre: place.name });
  throw invalid([fieldError(`/response/answers/${q.code}`, 'wrong_centre', message)], 'wrong_centre');
}

/**
 * One visit, without a survey code: the token's centre must be the one answered, then the ordinary
 * anonymous path with the visit's own quality flag (flags.ts): window, validation, the open-mode
 * idempotency key, the sealed pending row, and the mixer, so a visit is stored exactly like any
 * other response and nothing links it to a time.
 */
export async function submitVisit(
  db: Db,
  hasher: CodeHasher,
  place: VisitPlace,
  body: VisitSubmitBody,
  flag?: QualityFlag,
) {
  const edition = await requireEdition(db, body.edition);
  const q = edition.familyCode === place.family ? centreQuestion(edition, place.unitCode) : undefined;
  if (!q) wrongEdition();
  assertOpen(edition);
  assertCentre(q, place, body.response);
  const response = checkResponse(edition, body.response);
  return db.transaction((tx) =>
    storeResponse(tx as unknown as Db, hasher, edition, {
      code: undefined,
      nonce: body.submissionId,
      response,
      channel: 'online',
      // No completion time: minutes cannot tell a speeder in a one-minute survey, and untimed is safer.
      flags: flag ? [flag] : [],
    }),
  );
}
