/**
 * Award fixtures written straight into the tables, every NOT NULL column filled as the awards
 * services store them, so the handover, reports and renderer tests need not go through planning and approval:
 * a programme, catalogue items, and awards at a stage with their lines at the item's price. Synthetic data only.
 */
import type { Db } from '../../db/open';
import type { AwardStage, FundingSource } from '../../main/domain/awards';

const NOW = '2026-11-01T08:00:00.000Z';

export interface ProgramFixture {
  name?: string;
  year?: number;
  fundingSource?: FundingSource;
  sponsorName?: string;
  budget?: number;
  minPerFamily?: number;
  maxPerFamily?: number;
  status?: 'draft' | 'active' | 'closed';
}

/** An active programme of 2026 (APBD, Rp100.000.000, Rp1.500.000-Rp5.000.000 per family, mandiri and alamiah). */
export function insertProgram(db: Db, options: ProgramFixture = {}): number {
  const year = options.year ?? 2026;
  return db.$client
    .prepare(
      `INSERT INTO award_programs (name, year, funding_source, sponsor_name, budget, form, min_per_family,
         max_per_family, graduation_types, graduated_from, graduated_to, one_per_family, status, created_by,
         created_by_name, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'campuran', ?, ?, '["graduasi_mandiri","graduasi_alamiah"]', ?, ?, 1, ?, NULL, 'uji', ?, ?)
       RETURNING id`,
    )
    .pluck()
    .get(
      options.name ?? 'Bantuan Usaha KPM Graduasi',
      year,
      options.fundingSource ?? 'APBD',
      options.sponsorName ?? '',
      options.budget ?? 100_000_000,
      options.minPerFamily ?? 1_500_000,
      options.maxPerFamily ?? 5_000_000,
      `${year}-01-01`,
      `${year}-12-31`,
      options.status ?? 'active',
      NOW,
      NOW,
    ) as number;
}

/** A catalogue item. */
export function insertItem(db: Db, name: string, unit: string, unitPrice: number): number {
  return db.$client
    .prepare(
      `INSERT INTO award_items (name, unit, unit_price, supplier, active, created_at, updated_at)
       VALUES (?, ?, ?, '', 1, ?, ?) RETURNING id`,
    )
    .pluck()
    .get(name, unit, unitPrice, NOW, NOW) as number;
}

export interface AwardFixture {
  programId: number;
  kpmId: number;
  lines?: { itemId: number; quantity: number }[];
  cash?: number;
  stage?: AwardStage;
  businessType?: string;
  /** ISO timestamp of the approval (stages approved and later); default 1 November 2026. */
  approvedAt?: string;
  correctsAwardId?: number | null;
}

/** An award with its lines at the items' current prices; total = lines + cash. */
export function insertAward(db: Db, award: AwardFixture): number {
  const price = db.$client.prepare('SELECT name, unit, unit_price AS unitPrice FROM award_items WHERE id = ?');
  const lines = (award.lines ?? []).map((line) => {
    const item = price.get(line.itemId) as { name: string; unit: string; unitPrice: number };
    return { ...line, ...item, amount: item.unitPrice * line.quantity };
  });
  const cash = award.cash ?? 0;
  const total = lines.reduce((sum, l) => sum + l.amount, cash);
  const stage = award.stage ?? 'approved';
  const approved = stage !== 'planned';
  const id = db.$client
    .prepare(
      `INSERT INTO awards (program_id, kpm_id, stage, business_type, cash, total, notes, corrects_award_id,
         planned_by, planned_by_name, planned_at, approved_by, approved_by_name, approved_at)
       VALUES (?, ?, ?, ?, ?, ?, '', ?, NULL, 'operator uji', ?, NULL, ?, ?) RETURNING id`,
    )
    .pluck()
    .get(
      award.programId,
      award.kpmId,
      stage,
      award.businessType ?? 'Warung makan',
      cash,
      total,
      award.correctsAwardId ?? null,
      NOW,
      approved ? 'pimpinan uji' : null,
      approved ? (award.approvedAt ?? NOW) : null,
    ) as number;
  const line = db.$client.prepare(
    `INSERT INTO award_lines (award_id, line_no, item_id, item_name, unit, quantity, unit_price, amount)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  lines.forEach((l, i) => {
    line.run(id, i + 1, l.itemId, l.name, l.unit, l.quantity, l.unitPrice, l.amount);
  });
  return id;
}
