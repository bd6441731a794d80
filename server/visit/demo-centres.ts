// The demo province's public-administration service centres and one-stop desks (fictional, labelled
// demo wherever shown). Before the 1 July 2025 reform each district ran a one-stop desk (bộ phận một
// cửa); since then each commune, ward and special zone runs a service centre, and the province runs one.
import type { LineageBody, UnitBody } from '#api/admin-setup.js';
import { COMMUNES, DISTRICTS, REFORM_2025 } from '#server/seed/demo-units.js';

export const CENTRES_BLOCK = {
  code: 'centres',
  nameVi: 'Trung tâm phục vụ hành chính công và bộ phận một cửa',
  nameEn: 'Public-administration service centres and one-stop desks',
};

export const PROVINCE_CENTRE = 'TTPV_TINH';
export const REFORM_DATE = '2025-07-01';
const LAST_DAY_BEFORE = '2025-06-30';

export const deskCode = (district: string): string => `MC_${district}`;
export const centreCode = (commune: string): string => `TTPV_${commune}`;

/** Every centre and desk, with validity dates: the district desks end the day before the reform. */
export function demoCentres(): UnitBody[] {
  return [
    {
      code: PROVINCE_CENTRE,
      nameVi: 'Trung tâm Phục vụ hành chính công tỉnh',
      nameEn: 'Provincial Public Administration Service Centre',
    },
    ...DISTRICTS.map(([code, vi, en]) => ({
      code: deskCode(code),
      nameVi: `Bộ phận Một cửa ${vi}`,
      nameEn: `One-stop desk, ${en}`,
      validTo: LAST_DAY_BEFORE,
    })),
    ...COMMUNES.map(([code, vi, en]) => ({
      code: centreCode(code),
      nameVi: `Trung tâm Phục vụ hành chính công ${vi}`,
      nameEn: `Public Administration Service Centre, ${en}`,
      validFrom: REFORM_DATE,
    })),
  ];
}

/** The reform as lineage: each district desk's work moved to the centres of its communes and wards. */
export function demoCentreLineage(): LineageBody[] {
  return REFORM_2025.flatMap(([district, communes]) =>
    communes.map((commune) => ({
      event: 'level_change' as const,
      date: REFORM_DATE,
      from: { block: CENTRES_BLOCK.code, code: deskCode(district) },
      to: { block: CENTRES_BLOCK.code, code: centreCode(commune) },
      noteVi: 'Bộ phận một cửa cấp huyện chuyển về trung tâm cấp xã từ 1/7/2025 (dữ liệu minh họa)',
      noteEn: 'District one-stop desk replaced by commune-level centres from 1 July 2025 (demo data)',
    })),
  );
}
