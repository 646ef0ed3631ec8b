/**
 * The monthly work plan at office scale: 100,000 families, 400 pendamping and a year of P2K2 plans and meetings
 * (test/support/p2k2-seed.ts). workplan_draft_p50 drafts one pendamping's month from the groups' plans, the
 * visits falling due and the candidates (each pendamping once); workplan_submissions_p95 is the office's list of
 * the month over all 400 pendamping, with each one's planned-against-done figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../db/open';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { draftWorkPlan } from '../../main/services/workplan/draft';
import { listSubmissions } from '../../main/services/workplan/submissions';
import { submitWorkPlan } from '../../main/services/workplan/submit';
import { ensureSyntheticOffice, seedSyntheticFamilies } from '../fixtures/seed';
import { seedP2k2Year } from '../support/p2k2-seed';
import { percentile, report, timeEach } from './stats';

const FAMILIES = 100_000;
/** Last year, as the P2K2 bench seeds it; March has a full month of planned sessions. */
const YEAR = new Date().getFullYear() - 1;
const MONTH = `${YEAR}-03`;
/** The 2nd of the month, 10:00 in Jakarta: before the default deadline. */
const NOW = new Date(Date.UTC(YEAR, 2, 2, 3));

export async function benchWorkPlan(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'graduasi-bench-'));
  const db = openDatabase(join(dir, 'bench.db'));
  try {
    await ensureSyntheticOffice(db, '3375');
    seedSyntheticFamilies(db, { count: FAMILIES, seed: 42, pendampingCount: 400 });
    seedP2k2Year(db, YEAR);
    db.$client.exec('ANALYZE');
    const pendamping = db.$client.prepare('SELECT id FROM pendamping ORDER BY id').pluck().all() as number[];
    let items = 0;
    // Timed by hand, not with timeEach: its warm-up pass would draft the first months twice (the second adds nothing).
    const drafts = pendamping.map((pendampingId) => {
      const start = process.hrtime.bigint();
      const view = draftWorkPlan(db, SYSTEM_ACTOR, { pendampingId, month: MONTH }, NOW);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      items += view.added;
      if (view.plan && view.items.length > 0) submitWorkPlan(db, SYSTEM_ACTOR, view.plan.id, NOW);
      return ms;
    });
    report('workplan_draft_p50', percentile(drafts, 50), 'ms');
    report('workplan_draft_items', items / pendamping.length, 'items per pendamping', 1);
    const lists = timeEach(
      Array.from({ length: 30 }, () => MONTH),
      (month) => listSubmissions(db, SYSTEM_ACTOR, month, NOW),
    );
    report('workplan_submissions_p95', percentile(lists, 95), 'ms');
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchWorkPlan();
