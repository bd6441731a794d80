// Which errors mean "the database cannot be reached right now" rather than "this request is wrong"
// or "our code is wrong": the former are answered 503 with Retry-After, and the app keeps running
// and recovers on its own (pg's pool reconnects on the next query). Among them, "busy" (the database
// answers, but every pooled connection is in use for longer than the pool's wait, or the server has
// no connection slot left) is told apart from "down", so an overload is not reported as an outage.

/** SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, starting up). */
const SQLSTATE = /^(08...|57P0[1-4]|53300)$/;
/** pg-pool's queue timeout (all `max` clients checked out) and SQLSTATE 53300 too_many_connections. */
const BUSY_MESSAGE = /^timeout exceeded when trying to connect$/;
const BUSY_SQLSTATE = '53300';
const NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|terminating connection due to administrator command|the database system is (starting up|shutting down)|PGlite is closed/i;

/** Seconds a client should wait before retrying while the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;
/** Seconds a client should wait before retrying while the database is busy. */
export const BUSY_RETRY_AFTER_SECONDS = 2;

/** True when `err` (or an error it wraps, as Drizzle's DrizzleQueryError does) is a lost database. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (SQLSTATE.test(code) || NODE_CODES.has(code))) return true;
    if (typeof message === 'string' && MESSAGES.test(message)) return true;
    if (e instanceof AggregateError && e.errors.some((x) => isDatabaseUnavailable(x))) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * True when `err` is the database being saturated rather than gone: the pool's wait for a free
 * connection ran out, or the server refused a connection for want of slots. (A server that stops
 * answering altogether while every connection is checked out also ends in the pool's timeout; the
 * readiness check, which pings, tells that apart.)
 */
export function isDatabaseBusy(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (code === BUSY_SQLSTATE || (typeof message === 'string' && BUSY_MESSAGE.test(message))) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
