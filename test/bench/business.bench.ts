/**
 * Graduates' businesses at office scale: 100,000 families and 400 pendamping (test/fixtures/seed.ts), one in ten
 * graduated, 8,000 of them with a business and three dated entries each (24,000 entries), some in PENA and
 * training. business_report_p95 times the whole office's report (per kecamatan and programme, slipped back read
 * from every entry); the other lines a pendamping's own report, the BLK list, one family's page and the monthly
 * count of follow-up records.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Db, openDatabase } from '../../db/open';
import { candidateListSchema } from '../../main/domain/business';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { familyBusiness } from '../../main/services/business/family';
import { candidateList } from '../../main/services/business/lists';
import { businessFollowUpsByPendamping } from '../../main/services/business/monthly';
import { businessReport } from '../../main/services/business/report';
import { ensureSyntheticOffice, seedSyntheticFamilies } from '../fixtures/seed';
import { percentile, report, seededRandom, timeEach } from './stats';

const FAMILIES = 100_000;
const BUSINESSES = 8_000;
const YEAR = new Date().getFullYear() - 1;

/** Graduates one family in ten and gives 8,000 of them a business with three entries; returns the graduates. */
function seedBusinesses(db: Db): number[] {
  const sqlite = db.$client;
  const next = seededRandom(7);
  const ids = sqlite.prepare('SELECT id FROM kpm WHERE id % 10 = 0 ORDER BY id').pluck().all() as number[];
  const at = new Date().toISOString();
  sqlite.transaction(() => {
    const graduate = sqlite.prepare("UPDATE kpm SET status = 'graduasi_mandiri', status_date = ? WHERE id = ?");
    const business = sqlite.prepare(
      "INSERT INTO businesses (kpm_id, type, start_date, created_at) VALUES (?, 'jasa', ?, ?) RETURNING id",
    );
    const entry = sqlite.prepare(
      `INSERT INTO business_entries (business_id, entry_date, running, turnover, income, visit_id, recorded_at)
       VALUES (?, ?, ?, ?, ?, NULL, ?)`,
    );
    const pena = sqlite.prepare(
      "INSERT INTO business_pena (kpm_id, scheme, amount, date, recorded_at) VALUES (?, 'Modal usaha', 2000000, ?, ?)",
    );
    for (const [i, kpmId] of ids.entries()) {
      graduate.run(`${YEAR}-01-31`, kpmId);
      if (i >= BUSINESSES) continue;
      const id = (business.get(kpmId, `${YEAR}-02-01`, at) as { id: number }).id;
      for (const month of ['04', '07', '10']) {
        const income = Math.round(next() * 4_000_000);
        entry.run(id, `${YEAR}-${month}-15`, next() < 0.85 ? 1 : 0, income * 3, income, at);
      }
      if (i % 5 === 0) pena.run(kpmId, `${YEAR}-05-01`, at);
    }
    sqlite.prepare('INSERT INTO business_settings (id, umk) VALUES (1, 2500000)').run();
  })();
  return ids;
}

export async function benchBusiness(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'graduasi-bench-'));
  const db = openDatabase(join(dir, 'bench.db'));
  try {
    await ensureSyntheticOffice(db, '3375');
    seedSyntheticFamilies(db, { count: FAMILIES, seed: 42, pendampingCount: 400 });
    const graduates = seedBusinesses(db);
    db.$client.exec('ANALYZE');
    const office = timeEach(Array.from({ length: 40 }), () => businessReport(db, SYSTEM_ACTOR, {}));
    report('business_report_p95', percentile(office, 95), 'ms');
    report('business_report_p50', percentile(office, 50), 'ms');
    // the CPU time beside it: on a loaded machine (eight engineers on two cores) the wall time is mostly waiting
    const cpu = Array.from({ length: 20 }, () => {
      const start = process.cpuUsage();
      businessReport(db, SYSTEM_ACTOR, {});
      const used = process.cpuUsage(start);
      return (used.user + used.system) / 1000;
    });
    report('business_report_cpu_p50', percentile(cpu, 50), 'ms');
    const pendampingId = db.$client
      .prepare('SELECT pendamping_id FROM kpm WHERE id = ?')
      .pluck()
      .get(graduates[0]) as number;
    const own = { id: null, username: 'pendamping', role: 'pendamping' as const, pendampingId };
    report(
      'business_report_pendamping_p50',
      percentile(
        timeEach(Array.from({ length: 40 }), () => businessReport(db, own, {})),
        50,
      ),
      'ms',
    );
    const blk = candidateListSchema.parse({ purpose: 'blk', noTrainingYet: true });
    report(
      'business_blk_list_p50',
      percentile(
        timeEach(Array.from({ length: 20 }), () => candidateList(db, SYSTEM_ACTOR, blk)),
        50,
      ),
      'ms',
    );
    const families = graduates.slice(0, 200);
    report(
      'business_family_page_p95',
      percentile(
        timeEach(families, (kpmId) => familyBusiness(db, SYSTEM_ACTOR, kpmId)),
        95,
      ),
      'ms',
    );
    const month = `${YEAR}-07`;
    report(
      'business_followups_month_p50',
      percentile(
        timeEach(Array.from({ length: 40 }), () => businessFollowUpsByPendamping(db, month)),
        50,
      ),
      'ms',
    );
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchBusiness();
