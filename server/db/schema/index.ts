// One schema for PGlite and a PostgreSQL server; drizzle-kit generates the SQL migrations from it.
export * from './core.js';
export * from './results.js';
export * from './surveys.js';
export * from './accounts.js';
export * from './workspace.js';
export * from './releases.js';
export * from './settings.js';
export * from './delivery.js';
