import type { RequestHandler } from 'express';

// The abuse limits themselves (wrong codes, open mode) live in server/limits/, shared by every app
// instance through the database.

export const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};
