/**
 * A programme's award report at office scale: 100,000 families and 5,000 awards over three
 * programmes (every stage, some cancelled, some corrected, goods lines), written straight with prepared
 * statements (test/support/award-rows.ts). awards_report_p95 times awardReport for the largest programme; the xlsx of that programme
 * (with its recipients) is a secondary figure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../db/open';
import { AWARD_STAGES } from '../../main/domain/awards';
import { awardReportXlsx } from '../../main/services/awards/report-xlsx';
import { awardReport } from '../../main/services/awards/reports';
import { ensureSyntheticOffice, seedSyntheticFamilies } from '../fixtures/seed';
import { insertAward, insertItem, insertProgram } from '../support/award-rows';
import { percentile, report, seededRandom, timeEach } from './stats';

const FAMILIES = 100_000;
const AWARDS = [2_500, 1_500, 1_000];
const RUNS = 50;
const BUSINESSES = ['Warung kelontong', 'Jahit', 'Katering', 'Ternak ayam', 'Bengkel', 'Kue basah', 'Laundry'];

/** 5,000 awards over three programmes of 2026 for every twentieth family (also the reports bench's). */
export function seedAwards(db: ReturnType<typeof openDatabase>, year = 2026): number[] {
  const random = seededRandom(9);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const kpmIds = (db.$client.prepare('SELECT id FROM kpm ORDER BY id').pluck().all() as number[]).filter(
    (_, i) => i % 20 === 0,
  );
  const items = [
    insertItem(db, 'Etalase kaca', 'unit', 1_250_000),
    insertItem(db, 'Kompor gas', 'unit', 450_000),
    insertItem(db, 'Mesin jahit', 'unit', 1_750_000),
    insertItem(db, 'Freezer', 'unit', 2_900_000),
  ];
  const programIds: number[] = [];
  db.$client.transaction(() => {
    let next = 0;
    AWARDS.forEach((count, p) => {
      const programId = insertProgram(db, { name: `Program bantuan ${p + 1}`, budget: 20_000_000_000, year });
      programIds.push(programId);
      for (let i = 0; i < count; i++) {
        const stage = pick(AWARD_STAGES);
        const award = {
          programId,
          kpmId: kpmIds[next++],
          stage,
          businessType: pick(BUSINESSES),
          lines: [{ itemId: pick(items), quantity: 1 + Math.floor(random() * 2) }],
        };
        const id = insertAward(db, award);
        // one handed-over award in twenty is corrected: a new, linked award replaces it
        if (stage === 'handed_over' && i % 20 === 0) insertAward(db, { ...award, correctsAwardId: id });
      }
    });
  })();
  return programIds;
}

export async function benchAwardsReport(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'graduasi-bench-'));
  const db = openDatabase(join(dir, 'bench.db'));
  try {
    await ensureSyntheticOffice(db, '3375');
    seedSyntheticFamilies(db, { count: FAMILIES, seed: 42 });
    const [largest] = seedAwards(db);
    const samples = timeEach(
      Array.from({ length: RUNS }, () => largest),
      (programId) => awardReport(db, { programId }),
    );
    report('awards_report_p95', percentile(samples, 95), 'ms');
    // the median beside it: on a busy machine the p95 is the other processes' as much as ours
    report('awards_report_p50', percentile(samples, 50), 'ms');
    const xlsx: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      await awardReportXlsx(db, { programId: largest });
      xlsx.push(performance.now() - start);
    }
    report('awards_report_xlsx', percentile(xlsx, 50), 'ms');
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
