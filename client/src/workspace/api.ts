import type { ApiError, FieldError } from '#api/errors.js';
import type { Me } from '#api/admin-users.js';
import { currentLang } from '#client/src/shared/localize.js';

/** A refused workspace call, with the server's bilingual message and field errors. */
export class WsError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError | undefined,
  ) {
    super(body?.error.message ?? (status === 0 ? 'network' : `HTTP ${status}`));
  }
  get details(): FieldError[] {
    return this.body?.error.details ?? [];
  }
  get code(): string {
    return this.body?.error.code ?? (this.status === 0 ? 'network' : 'http');
  }
}

// The CSRF token of the session, kept in memory only (never in storage a script could read later).
let csrf = '';
export const setCsrf = (token: string): void => void (csrf = token);

export interface CallOptions {
  body?: unknown;
  /** Raw upload (CSV, XLSX, GeoJSON) with its content type. */
  file?: { data: Blob | string; type: string };
  /** Answer as a Blob (downloads) instead of JSON. */
  blob?: boolean;
}

/**
 * Calls the workspace API with the session cookie and, on writes, the CSRF token. Errors come back
 * as WsError carrying the server's message in the page's language.
 */
export async function call<T>(method: string, path: string, opts: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLang() };
  if (method !== 'GET') headers['x-csrf-token'] = csrf;
  let body: BodyInit | undefined;
  if (opts.file) {
    headers['content-type'] = opts.file.type;
    body = opts.file.data;
  } else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new WsError(0, undefined);
  }
  if (!res.ok)
    throw new WsError(res.status, (await res.json().catch(() => undefined)) as ApiError | undefined);
  if (opts.blob) return (await res.blob()) as T;
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const admin = <T>(method: string, path: string, opts?: CallOptions) =>
  call<T>(method, `/api/v1/admin${path}`, opts);

export async function signIn(username: string, password: string): Promise<Me> {
  const me = await call<Me>('POST', '/api/v1/auth/login', { body: { username, password } });
  setCsrf(me.csrfToken);
  return me;
}

export async function whoAmI(): Promise<Me | null> {
  try {
    const me = await call<Me>('GET', '/api/v1/auth/me');
    setCsrf(me.csrfToken);
    return me;
  } catch (e) {
    if (e instanceof WsError && e.status === 401) return null;
    throw e;
  }
}

/** Saves a downloaded Blob under `name` (codes CSV, templates). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
