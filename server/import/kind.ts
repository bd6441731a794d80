import type { Db } from '#server/db/client.js';
import type { UpsertCount } from '#server/db/upsert.js';
import type { PciContext } from './context.js';
import type { CsvFile } from './csv.js';
import type { IssueCollector } from './issues.js';

/**
 * One kind of import file. `run` checks every row first, calls `issues.fail()` (which throws if
 * anything is wrong), and only then writes; the caller wraps it in a transaction.
 */
export interface ImportKind {
  name: string;
  description: string;
  columns: readonly string[];
  run(db: Db, csv: CsvFile, issues: IssueCollector, ctx: PciContext): Promise<UpsertCount>;
}
