import { fillText, type Localized } from '#api/text.js';
import { AUTH_MESSAGES } from './messages/auth.js';
import { COLLECTION_MESSAGES } from './messages/collection.js';
import { DELIVERY_MESSAGES } from './messages/delivery.js';
import { LIMIT_MESSAGES } from './messages/limits.js';
import { RELEASE_MESSAGES } from './messages/releases.js';
import { REQUEST_MESSAGES } from './messages/request.js';
import { SETUP_MESSAGES } from './messages/setup.js';
import { TRANSPORT_MESSAGES } from './messages/transport.js';
import { VISIT_MESSAGES } from './messages/visit.js';
import { WORKSPACE_MESSAGES } from './messages/workspace.js';

// The server's one message catalogue: every bilingual text an error carries, keyed by its error
// code (`code` or, where one code has several texts, `code.variant`). The texts live in one file
// per area under messages/; field codes match those of survey response validation
// (surveys/messages.ts), so a client shows a field error the same way whichever validator made it.
export const MESSAGE_AREAS = {
  request: REQUEST_MESSAGES,
  transport: TRANSPORT_MESSAGES,
  auth: AUTH_MESSAGES,
  collection: COLLECTION_MESSAGES,
  limits: LIMIT_MESSAGES,
  setup: SETUP_MESSAGES,
  workspace: WORKSPACE_MESSAGES,
  releases: RELEASE_MESSAGES,
  visit: VISIT_MESSAGES,
  delivery: DELIVERY_MESSAGES,
} as const;

const MESSAGES: Record<string, Localized> = Object.assign({}, ...Object.values(MESSAGE_AREAS));

type Areas = typeof MESSAGE_AREAS;
export type MessageKey = { [A in keyof Areas]: keyof Areas[A] }[keyof Areas] & string;

/** A placeholder value: the same in both languages, or a text of its own per language. */
export type MessageParam = string | number | Localized;

/** The bilingual message for an error code, with `{name}` placeholders filled from params. */
export function serverMessage(key: MessageKey, params: Record<string, MessageParam> = {}): Localized {
  const template = MESSAGES[key];
  if (!template) throw new RangeError(`no server message for ${key}`);
  const vi: Record<string, string | number> = {};
  const en: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    vi[name] = typeof value === 'object' ? value.vi : value;
    en[name] = typeof value === 'object' ? value.en : value;
  }
  return { vi: fillText(plural(template.vi, vi), vi).vi, en: fillText(plural(template.en, en), en).en };
}

// `{count|item|items}` picks the singular when the param is 1, the plural otherwise (English
// needs it; Vietnamese has no plural and writes the noun once).
const plural = (text: string, params: Record<string, string | number>): Localized => {
  const out = text.replace(
    /\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g,
    (_all, name: string, one: string, many: string) => (params[name] === 1 ? one : many),
  );
  return { vi: out, en: out };
};

/** Keys with a message; tests prove every code the validator reports is here. */
export const serverMessageCodes: readonly string[] = Object.keys(MESSAGES);
