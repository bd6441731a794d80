import type { Localized } from '#api/text.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import type { CommuneTableBody, CommuneTableResult, LineageEvent } from '#api/admin-setup.js';
import { recordAudit, type Tx } from '#server/audit/log.js';
import type { Actor } from '#server/auth/actor.js';
import { parseCsvRecords } from '#server/csv/records.js';
import type { Db } from '#server/db/client.js';
import { blocks } from '#server/db/schema/index.js';
import { fieldError, invalid } from '#server/http/errors.js';
import { writeLineage } from './lineage.js';
import { requireFamily, type FamilyRow } from './lookup.js';
import { englishUnitName } from './names.js';
import { writeUnit } from './units.js';
import { serverMessage } from '#server/http/messages.js';

/** The national old-to-new table of 1 July 2025, shipped in server/data/units (see SOURCE.md there). */
export const COMMUNE_TABLE = fileURLToPath(
  new URL('../data/units/communes-2025-old-to-new.csv', import.meta.url),
);
const CHANGE_DATE = '2025-07-01';
const LAST_OLD_DAY = '2025-06-30';

interface Link {
  province: string;
  newCode: string;
  newName: string;
  districtCode: string;
  districtName: string;
  oldCode: string;
  oldName: string;
  note: string;
}

let cache: Link[] | undefined;
export function communeLinks(): Link[] {
  if (cache) return cache;
  const { header, rows } = parseCsvRecords(readFileSync(COMMUNE_TABLE, 'utf8'));
  const at = (name: string) => header.indexOf(name);
  const col = Object.fromEntries(
    [
      'new_province_code',
      'new_ward_code',
      'new_ward_name',
      'old_district_code',
      'old_district_name',
      'old_ward_code',
      'old_ward_name',
      'note',
    ].map((c) => [c, at(c)]),
  );
  cache = rows.map(({ fields: f }) => ({
    province: f[col.new_province_code!]!,
    newCode: f[col.new_ward_code!]!,
    newName: f[col.new_ward_name!]!,
    districtCode: f[col.old_district_code!]!,
    districtName: f[col.old_district_name!]!,
    oldCode: f[col.old_ward_code!] ?? '',
    oldName: f[col.old_ward_name!] ?? '',
    note: f[col.note!] ?? '',
  }));
  return cache;
}

/** The table's note, as a lineage event between an old commune and a new one. */
function communeEvent(note: string): LineageEvent {
  if (note.startsWith('Nhập toàn bộ')) return 'merge';
  if (note.startsWith('Nhập một phần')) return 'split';
  return 'rename';
}

const BLOCK_NAMES = {
  new: { vi: 'Xã, phường (từ 1/7/2025)', en: 'Communes and wards (from 1 July 2025)' },
  commune: { vi: 'Xã, phường (đến 30/6/2025)', en: 'Communes and wards (until 30 June 2025)' },
  district: { vi: 'Quận, huyện (đến 30/6/2025)', en: 'Districts (until 30 June 2025)' },
};

async function ensureBlock(
  tx: Tx,
  actor: Actor,
  f: FamilyRow,
  code: string,
  name: Localized,
): Promise<number> {
  const existing = await tx.select().from(blocks).where(eq(blocks.familyId, f.id));
  const found = existing.find((b) => b.code === code);
  if (found) return found.id;
  const [b] = await tx
    .insert(blocks)
    .values({ familyId: f.id, code, nameVi: name.vi, nameEn: name.en, sortOrder: existing.length })
    .returning();
  await recordAudit(tx, actor, {
    action: 'block.create',
    entityType: 'block',
    entityId: `${f.code}/${code}`,
    familyCode: f.code,
    after: { code, nameVi: name.vi, nameEn: name.en },
  });
  return b!.id;
}

/**
 * Imports one province's part of the national table: its new communes/wards (valid from
 * 1 July 2025), the old communes or districts they came from (valid until 30 June 2025), and the
 * lineage between them, in one transaction. Running it again changes nothing.
 */
export async function importCommuneTable(
  db: Db,
  actor: Actor,
  family: string,
  body: CommuneTableBody,
): Promise<CommuneTableResult> {
  const links = communeLinks().filter((l) => l.province === body.province);
  if (links.length === 0)
    throw invalid([
      fieldError(
        '/province',
        'unknown_province',
        serverMessage('unknown_province', { province: body.province }),
      ),
    ]);
  if (body.newBlock === body.oldBlock)
    throw invalid([fieldError('/oldBlock', 'same_block', serverMessage('same_block'))]);
  const district = body.oldLevel === 'district';
  return db.transaction(async (tx) => {
    const f = await requireFamily(tx, family);
    const newBlockId = await ensureBlock(tx, actor, f, body.newBlock, BLOCK_NAMES.new);
    const oldBlockId = await ensureBlock(
      tx,
      actor,
      f,
      body.oldBlock,
      district ? BLOCK_NAMES.district : BLOCK_NAMES.commune,
    );
    const newIds = new Map<string, number>();
    const oldIds = new Map<string, number>();
    const unit = async (
      ids: Map<string, number>,
      blockId: number,
      block: string,
      code: string,
      name: string,
      range: { validFrom?: string; validTo?: string },
    ) => {
      if (ids.has(code)) return;
      const body = { code, nameVi: name, nameEn: englishUnitName(name), officialCode: code, ...range };
      ids.set(code, (await writeUnit(tx, actor, { family, blockId, block }, body, 'upsert')).id);
    };
    let lineage = 0;
    let skipped = 0;
    const pairs = new Set<string>();
    for (const l of links) {
      await unit(newIds, newBlockId, body.newBlock, l.newCode, l.newName, { validFrom: CHANGE_DATE });
      const oldCode = district ? l.districtCode : l.oldCode;
      if (!oldCode) {
        skipped++;
        continue;
      }
      await unit(oldIds, oldBlockId, body.oldBlock, oldCode, district ? l.districtName : l.oldName, {
        validTo: LAST_OLD_DAY,
      });
      const event: LineageEvent = district ? 'level_change' : communeEvent(l.note);
      const key = `${event}/${oldCode}/${l.newCode}`;
      if (pairs.has(key)) continue;
      pairs.add(key);
      const created = await writeLineage(tx, actor, family, {
        event,
        date: CHANGE_DATE,
        fromUnitId: oldIds.get(oldCode)!,
        toUnitId: newIds.get(l.newCode)!,
        noteVi: district ? `${l.districtName} → ${l.newName}` : l.note,
        noteEn: null,
        label: `${body.oldBlock}/${oldCode} → ${body.newBlock}/${l.newCode}`,
      });
      if (created === 'created') lineage++;
    }
    return { province: body.province, newUnits: newIds.size, oldUnits: oldIds.size, lineage, skipped };
  });
}
