// Placeholder until the storage layer lands: no database has been opened.
export async function closeTestDatabases(): Promise<void> {}
