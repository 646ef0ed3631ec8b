/**
 * The registry at office scale: seeds 100,000 synthetic families and measures the searches staff run all day.
 * The ratio compares the service with the plain SQL it runs (same statements, no service layer).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../db/open';
import { KOMPONEN } from '../../main/domain/komponen';
import { type KpmSearchInput, kpmSearchSchema } from '../../main/domain/schemas';
import { buildSearchQuery, pageSqlFor, searchKpm, villagesNamed } from '../../main/services/kpm-search';
import { ensureSyntheticOffice, seedSyntheticFamilies } from '../fixtures/seed';
import { percentile, report, seededRandom, timeEach } from './stats';

const FAMILIES = 100_000;
const QUERIES = 300;

export async function benchKpmSearch(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'graduasi-bench-'));
  const db = openDatabase(join(dir, 'bench.db'));
  try {
    const seedStart = performance.now();
    await ensureSyntheticOffice(db, '3375');
    seedSyntheticFamilies(db, { count: FAMILIES, seed: 42 });
    report('seed_100k', (performance.now() - seedStart) / 1000, 's');

    const random = seededRandom(7);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    const sample = db.$client
      .prepare(
        'SELECT nama, nik, district_code AS districtCode, pendamping_id AS pendampingId FROM kpm WHERE id % 97 = 0',
      )
      .all() as { nama: string; nik: string; districtCode: string; pendampingId: number }[];

    // Part of a name as staff type it: a word's first 4-7 letters, or a piece from inside it.
    const namePiece = (nama: string) => {
      const word = pick(nama.split(' '));
      const length = 4 + Math.floor(random() * 4);
      const start = random() < 0.5 ? 0 : Math.floor(random() * Math.max(1, word.length - length));
      return kpmSearchSchema.parse({ q: word.slice(start, start + length).toLowerCase() });
    };
    const nameQueries = Array.from({ length: QUERIES }, () => namePiece(pick(sample).nama));
    const nikQueries = Array.from({ length: QUERIES }, () => kpmSearchSchema.parse({ q: pick(sample).nik }));
    const listQueries = Array.from({ length: QUERIES }, () => {
      const row = pick(sample);
      return kpmSearchSchema.parse({
        districtCode: random() < 0.7 ? row.districtCode : null,
        pendampingId: random() < 0.3 ? row.pendampingId : null,
        status: 'aktif',
        komponen: random() < 0.5 ? pick(KOMPONEN) : null,
        sort: pick(['nama', 'idKpm', 'updatedAt'] as const),
        dir: pick(['asc', 'desc'] as const),
        page: 1 + Math.floor(random() * 5),
      });
    });

    // A mother looking for her child's record types part of the child's name.
    const members = db.$client.prepare('SELECT nama FROM art WHERE id % 97 = 0').all() as { nama: string }[];
    const memberQueries = Array.from({ length: QUERIES }, () => namePiece(pick(members).nama));

    const service = (input: KpmSearchInput) => searchKpm(db, input);
    const p95 = (inputs: KpmSearchInput[]) => percentile(timeEach(inputs, service), 95);
    const nameP95 = p95(nameQueries);
    report('kpm_search_name_p95', nameP95, 'ms');
    report('kpm_search_member_p95', p95(memberQueries), 'ms');
    report('kpm_search_nik_p95', p95(nikQueries), 'ms');
    report('kpm_list_filtered_p95', p95(listQueries), 'ms');

    // The same SQL, prepared once per shape, run straight on better-sqlite3 (the page read the way the service
    // picks for that query).
    const raw = nameQueries.map((input) => {
      const query = buildSearchQuery(input, villagesNamed(db, input.q));
      const count = db.$client.prepare(query.countSql);
      const total = (count.get(...query.params) as { total: number }).total;
      return { page: db.$client.prepare(pageSqlFor(query, total)), count, query };
    });
    const rawP95 = percentile(
      timeEach(raw, ({ page, count, query }) => {
        page.all(...query.pageParams);
        count.get(...query.params);
      }),
      95,
    );
    report('kpm_search_vs_raw', nameP95 / rawP95, 'x');
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
