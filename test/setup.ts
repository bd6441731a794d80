// Mocha root hooks. Database-backed tests share one migrated PGlite instance per run
// (see test/support/db.ts); pure tests never start it.
export const mochaHooks = {
  async afterAll(): Promise<void> {
    const { closeTestDatabases } = await import('./support/db.js');
    await closeTestDatabases();
  },
};
