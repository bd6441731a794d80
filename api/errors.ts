import type { Localized } from './text.js';

/** A problem with one field of a request (body, query or path), named by its JSON pointer-like path. */
export interface FieldError {
  path: string;
  code: string;
  message: Localized;
}

/** Body of every error response: `message` follows the request's language. */
export interface ApiError {
  error: {
    code: string;
    message: string;
    messages: Localized;
    details?: FieldError[];
    /** How many field errors there were when `details` was capped. */
    total?: number;
  };
}
