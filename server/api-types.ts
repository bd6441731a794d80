// Payload types of the public JSON API: the one home shared by the server and the client
// (the client imports these as types only, so no server code reaches the browser bundle).
export type { FamilySummary } from './repos/families.js';
export type { Ranking, RankingRow } from './repos/rankings.js';

/** Body of every error response. */
export interface ApiError {
  error: {
    code: string;
    message: string;
    messages: { vi: string; en: string };
    details?: Array<{ path: string; code: string; message: { vi: string; en: string } }>;
  };
}
