import { pino, type Logger } from 'pino';

/**
 * Structured JSON logs. Request bodies, cookies, authorization headers and survey codes are never
 * passed to the logger; the redaction list is a second line of defence should one slip into an object.
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: [
          '*.body',
          '*.cookie',
          '*.cookies',
          '*.authorization',
          '*.code',
          '*.surveyCode',
          'body',
          'code',
          'surveyCode',
        ],
        censor: '[redacted]',
      },
    },
    destination ?? process.stdout,
  );
}
