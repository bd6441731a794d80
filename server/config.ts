import { isIP } from 'node:net';
import path from 'node:path';

/** Validated runtime configuration, read once from the environment at start. */
export interface Config {
  port: number;
  host: string;
  /** A PostgreSQL server; when absent the embedded PGlite database in `dbDir` is used. */
  databaseUrl: string | undefined;
  /** DATABASE_POOL_MAX, DATABASE_POOL_WAIT_MS: the PostgreSQL pool's size and its wait for a free connection. */
  databasePool: { max: number; waitMs: number };
  dataDir: string;
  dbDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  nodeEnv: 'development' | 'production' | 'test';
  bodyLimitBytes: number;
  /** Load the PCI history (and other seed data) into an empty database at start. */
  seed: boolean;
  /**
   * Which X-Forwarded-For hops to believe: false (none), a hop count (the proxies in front of the
   * app), or the proxies' addresses/subnets. Never "all" (`true` is accepted from code only, for tests).
   */
  trustProxy: boolean | number | string[];
  /** FIRM_DATA_RETENTION_DAYS: firm data used to send codes is deleted this many days after an edition closes. */
  firmDataRetentionDays: number;
  /** AUDIT_DETAIL_DAYS, AUDIT_RETENTION_DAYS: the audit log's record details, then its entries (server/privacy/retention.ts). */
  audit: { detailDays: number; retentionDays: number };
  /**
   * BEHIND_TLS: browsers reach the server over HTTPS (directly or through a TLS-terminating proxy).
   * Only then are HSTS and the CSP's upgrade-insecure-requests sent (server/http/security-headers.ts).
   */
  behindTls: boolean;
  /**
   * Key for the keyed hash under which survey codes are stored. When unset, one is generated on
   * first start and kept in DATA_DIR/code-secret (losing it makes issued codes unusable).
   */
  codeSecret: string | undefined;
  /**
   * PUBLIC_URL: the address the public reaches the site at (e.g. https://ddci.example.gov.vn), without
   * a trailing slash. When set, release citations and download links are absolute; otherwise relative.
   */
  publicUrl: string | undefined;
  /** The survey mixer and draft purge (server/collection/jobs.ts, README "Anonymity guarantee"). */
  collection: {
    /** MIX_BATCH: smallest batch of coded submissions stored together (the anonymity set k). */
    k: number;
    /** MIX_MAX_DELAY_HOURS: how long a smaller final batch waits after the window closes. */
    maxDelayMs: number;
    /** MIX_INTERVAL_SECONDS: seconds between mixer passes. */
    intervalSeconds: number;
    /** DRAFT_IDLE_DAYS: drafts unchanged this long are purged. */
    draftIdleDays: number;
  };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;

function oneOf<T extends string>(
  env: NodeJS.ProcessEnv,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${raw}")`);
  }
  return raw as T;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false (got "${raw}")`);
}

function port(env: NodeJS.ProcessEnv): number {
  const raw = env.PORT ?? '3000';
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 65535) {
    throw new ConfigError('PORT', `must be a whole number from 1 to 65535 (got "${raw}")`);
  }
  return Number(raw);
}

function databaseUrl(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      'DATABASE_URL',
      'is not a URL; expected postgres://user:password@host:5432/database',
    );
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(
      'DATABASE_URL',
      `must start with postgres:// or postgresql:// (got "${url.protocol}//")`,
    );
  }
  return raw;
}

function byteSize(env: NodeJS.ProcessEnv, name: string, fallback: string): number {
  const raw = (env[name] || fallback).trim().toLowerCase();
  const m = /^(\d+)\s*(b|kb|mb)?$/.exec(raw);
  if (!m) throw new ConfigError(name, `must be a size such as 512kb or 1mb (got "${raw}")`);
  const n = Number(m[1]) * (m[2] === 'mb' ? 1024 * 1024 : m[2] === 'kb' ? 1024 : 1);
  if (n < 1024 || n > 64 * 1024 * 1024) throw new ConfigError(name, 'must be between 1kb and 64mb');
  return n;
}

function codeSecret(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.CODE_SECRET;
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < 32)
    throw new ConfigError('CODE_SECRET', 'must be at least 32 characters (e.g. openssl rand -hex 32)');
  return raw;
}

function wholeNumber(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
    throw new ConfigError(name, `must be a whole number from ${min} to ${max} (got "${raw}")`);
  return Number(raw);
}

function publicUrl(env: NodeJS.ProcessEnv): string | undefined {
  const raw = (env.PUBLIC_URL ?? '').trim();
  if (raw === '') return undefined;
  const bad = (why: string) =>
    new ConfigError(
      'PUBLIC_URL',
      `${why}; set the site's public address, e.g. https://ddci.example.gov.vn (got "${raw}") / ` +
        'địa chỉ công khai của trang phải là một URL http:// hoặc https:// đầy đủ, ví dụ https://ddci.example.gov.vn',
    );
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw bad('is not an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw bad('must start with http:// or https://');
  if (url.username || url.password) throw bad('must not contain a user name or password');
  if (url.search || url.hash || /[?#]/.test(raw)) throw bad('must not have a query or a fragment');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function trustProxy(env: NodeJS.ProcessEnv): false | number | string[] {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '' || /^(0|false|no|off)$/i.test(raw)) return false;
  if (/^(true|yes|on)$/i.test(raw))
    throw new ConfigError(
      'TRUST_PROXY',
      'true would believe whatever X-Forwarded-For a client sends (and so bypass every per-address limit); ' +
        'set the number of proxies in front of the app (e.g. 1) or their addresses (e.g. 10.0.0.5,10.1.0.0/16 or loopback)',
    );
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops < 1 || hops > 10)
      throw new ConfigError('TRUST_PROXY', `a hop count must be 1 to 10 (got ${raw})`);
    return hops;
  }
  const list = raw.split(',').map((a) => a.trim());
  for (const a of list) {
    const [address, bits, extra] = a.split('/');
    const version = isIP(address ?? '');
    const okBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (version === 6 ? 128 : 32));
    if (!(PROXY_NAMES.has(a) || (version !== 0 && okBits && extra === undefined)))
      throw new ConfigError('TRUST_PROXY', `"${a}" is not an IP address, a subnet (10.0.0.0/8) or loopback`);
  }
  return list;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR || './data');
  return {
    port: port(env),
    host: env.HOST || '127.0.0.1',
    databaseUrl: databaseUrl(env),
    databasePool: {
      max: wholeNumber(env, 'DATABASE_POOL_MAX', 10, 1, 1000),
      waitMs: wholeNumber(env, 'DATABASE_POOL_WAIT_MS', 10_000, 10, 600_000),
    },
    dataDir,
    dbDir: path.resolve(env.DB_DIR || path.join(dataDir, 'db')),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    nodeEnv: oneOf(env, 'NODE_ENV', NODE_ENVS, 'development'),
    bodyLimitBytes: byteSize(env, 'BODY_LIMIT', '1mb'),
    seed: bool(env, 'SEED', true),
    trustProxy: trustProxy(env),
    firmDataRetentionDays: wholeNumber(env, 'FIRM_DATA_RETENTION_DAYS', 90, 0, 3650),
    audit: {
      detailDays: wholeNumber(env, 'AUDIT_DETAIL_DAYS', 365, 30, 36_500),
      retentionDays: wholeNumber(env, 'AUDIT_RETENTION_DAYS', 1825, 365, 36_500),
    },
    behindTls: bool(env, 'BEHIND_TLS', false),
    codeSecret: codeSecret(env),
    publicUrl: publicUrl(env),
    collection: {
      k: wholeNumber(env, 'MIX_BATCH', 20, 5, 10_000),
      maxDelayMs: wholeNumber(env, 'MIX_MAX_DELAY_HOURS', 72, 0, 24 * 365) * 3600_000,
      intervalSeconds: wholeNumber(env, 'MIX_INTERVAL_SECONDS', 60, 1, 86_400),
      draftIdleDays: wholeNumber(env, 'DRAFT_IDLE_DAYS', 30, 1, 3650),
    },
  };
}
