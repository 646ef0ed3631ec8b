/**
 * `awards_plan_1000`: one package (two catalogue items and cash) planned for 1,000 graduated families in one
 * call: programme checks, pricing, eligibility of every family, the budget guard and 1,000 awards with their lines
 * and audit, in one write transaction. Each pass plans into a fresh programme (one award per family per
 * programme); median of the passes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../db/open';
import { planAwardsSchema } from '../../main/domain/awards';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { planAwards } from '../../main/services/awards/plan';
import { ensureSyntheticOffice, seedSyntheticFamilies } from '../fixtures/seed';
import { catalogue, createProgram, staff } from '../support/awards';
import { decideGraduations } from '../support/graduation';
import { report } from './stats';

const FAMILIES = 1_000;
const PASSES = 5;

export async function benchAwardsPlan(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'graduasi-bench-'));
  const db = openDatabase(join(dir, 'bench.db'));
  try {
    await ensureSyntheticOffice(db, '3375');
    seedSyntheticFamilies(db, { count: 10_000, seed: 9 });
    const kpmIds = db.$client
      .prepare("SELECT id FROM kpm WHERE status = 'aktif' ORDER BY id LIMIT ?")
      .pluck()
      .all(FAMILIES) as number[];
    if (kpmIds.length < FAMILIES) throw new Error(`only ${kpmIds.length} active families seeded`);
    decideGraduations(db, { kpmIds, skDate: '2026-03-02' });
    const { operator } = staff(db, SYSTEM_ACTOR);
    const items = catalogue(db, SYSTEM_ACTOR);
    const input = (programId: number) =>
      planAwardsSchema.parse({
        programId,
        kpmIds,
        package: {
          lines: [
            { itemId: items.etalase.id, quantity: 1 },
            { itemId: items.kompor.id, quantity: 2 },
          ],
          cash: 500_000,
        },
        businessType: 'Warung makan',
      });
    const times: number[] = [];
    for (let pass = 0; pass < PASSES; pass++) {
      // Budget for exactly 1,000 packages of Rp2.650.000: the guard runs against a budget it just fits.
      const program = createProgram(db, operator, { name: `Bench ${pass + 1}`, budget: FAMILIES * 2_650_000 });
      const start = performance.now();
      const result = planAwards(db, operator, input(program.id));
      times.push(performance.now() - start);
      if (result.planned !== FAMILIES || result.remaining !== 0) {
        throw new Error(`planned ${result.planned}, remaining ${result.remaining}`);
      }
    }
    times.sort((a, b) => a - b);
    report('awards_plan_1000', times[Math.floor(PASSES / 2)], 'ms');
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchAwardsPlan();
