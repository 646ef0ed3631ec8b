/**
 * Award programmes, catalogue items and awards written straight into the tables (every NOT NULL column),
 * so the reports can be tested and benchmarked apart from the planning and handover services. Prepared
 * once per writer: the bench writes thousands of awards with it. Synthetic data only.
 */
import type { Db } from '../../db/open';
import type { AwardStage, FundingSource } from '../../main/domain/awards';

export interface ProgramRow {
  name: string;
  year: number;
  budget: number;
  fundingSource?: FundingSource;
  sponsorName?: string;
}

export interface AwardRowInput {
  programId: number;
  kpmId: number;
  stage: AwardStage;
  total: number;
  businessType: string;
  cash?: number;
  correctsAwardId?: number;
  handoverDate?: string;
  bastDocumentId?: number;
  /** Goods at the price given; their amounts plus cash should make the total. */
  lines?: { itemId: number; itemName: string; quantity: number; unitPrice: number }[];
}

const NOW = '2026-11-30T08:00:00.000Z';

export function awardWriter(db: Db) {
  const programStatement = db.$client.prepare(
    `INSERT INTO award_programs (name, year, funding_source, sponsor_name, budget, form, min_per_family,
       max_per_family, graduation_types, graduated_from, graduated_to, one_per_family, status, created_by_name,
       created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'campuran', 1000000, 5000000, '["graduasi_mandiri"]', ?, ?, 1, 'aktif', 'uji', ?, ?)`,
  );
  const itemStatement = db.$client.prepare(
    `INSERT INTO award_items (name, unit, unit_price, supplier, active, created_at, updated_at)
     VALUES (?, 'unit', ?, '', 1, ?, ?)`,
  );
  const awardStatement = db.$client.prepare(
    `INSERT INTO awards (program_id, kpm_id, stage, business_type, cash, total, corrects_award_id, planned_by_name,
       planned_at, approved_by_name, approved_at, handover_date, bast_document_id, cancelled_at, cancel_reason)
     VALUES (@programId, @kpmId, @stage, @businessType, @cash, @total, @correctsAwardId, 'operator uji', @now,
       @approvedByName, @approvedAt, @handoverDate, @bastDocumentId, @cancelledAt, @cancelReason)`,
  );
  const lineStatement = db.$client.prepare(
    `INSERT INTO award_lines (award_id, line_no, item_id, item_name, unit, quantity, unit_price, amount)
     VALUES (?, ?, ?, ?, 'unit', ?, ?, ?)`,
  );
  return {
    program(p: ProgramRow): number {
      const from = `${p.year}-01-01`;
      const to = `${p.year}-12-31`;
      const source = p.fundingSource ?? 'APBD';
      const result = programStatement.run(p.name, p.year, source, p.sponsorName ?? '', p.budget, from, to, NOW, NOW);
      return Number(result.lastInsertRowid);
    },
    item(name: string, unitPrice: number): number {
      return Number(itemStatement.run(name, unitPrice, NOW, NOW).lastInsertRowid);
    },
    award(a: AwardRowInput): number {
      const approved = a.stage === 'disetujui' || a.stage === 'diserahkan';
      const id = Number(
        awardStatement.run({
          programId: a.programId,
          kpmId: a.kpmId,
          stage: a.stage,
          businessType: a.businessType,
          cash: a.cash ?? 0,
          total: a.total,
          correctsAwardId: a.correctsAwardId ?? null,
          now: NOW,
          approvedByName: approved ? 'pimpinan uji' : null,
          approvedAt: approved ? NOW : null,
          handoverDate: a.handoverDate ?? null,
          bastDocumentId: a.bastDocumentId ?? null,
          cancelledAt: a.stage === 'dibatalkan' ? NOW : null,
          cancelReason: a.stage === 'dibatalkan' ? 'KPM pindah domisili' : null,
        }).lastInsertRowid,
      );
      (a.lines ?? []).forEach((line, i) => {
        const amount = line.quantity * line.unitPrice;
        lineStatement.run(id, i + 1, line.itemId, line.itemName, line.quantity, line.unitPrice, amount);
      });
      return id;
    },
  };
}
