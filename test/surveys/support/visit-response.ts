import type { SurveyResponse } from '#surveys/types.js';

/** A complete visit by a citizen who got the result on the spot, signed electronically, and gave no feedback. */
export function visitResponse(centre: string, satisfaction = 5): SurveyResponse {
  return {
    answers: { CENTRE: [centre], WHO: 1 },
    units: {
      centres: {
        [centre]: {
          ACC1: 4,
          ACC2: satisfaction,
          PRO1: 4,
          PRO2: satisfaction,
          CIV1: 5,
          CIV2: satisfaction,
          ESIGN: 1,
          RES1: 5,
          RES2: satisfaction,
          FBK1: 2,
          FOUR: [1, 2, 3, 4],
          TRIPS: 1,
          ONTIME: 2,
          PAY: 1,
        },
      },
    },
  };
}
