/**
 * Verifikasi komitmen at office scale: a 10,000-row school attendance form (CSV with ";" and a sep= line, as the
 * offices receive it) against 100,000 families and 400 pendamping. verkom_import_10k_rows is the preview (read,
 * parse, match every row by NIK or NISN) plus the commit (re-read, re-match, 30,000 month rows written with the
 * integrity count and the audit), the median of three imports of the same form (each replaces the last). The
 * preview reads the form in the import's worker (it is above 256 KB); the commit reuses that parse.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../db/open';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { commitSchoolForm, previewSchoolForm } from '../../main/services/verkom/school-import';
import { type SchoolStudent, schoolFormCsv, syntheticStudent } from '../fixtures/school-form';
import { ensureSyntheticOffice, seedSyntheticFamilies } from '../fixtures/seed';
import { percentile, report } from './stats';

const FAMILIES = 100_000;
const ROWS = 10_000;
/** Rows whose NIK is blank in the form, matched by the NISN set on the member. */
const BY_NISN = 1_000;
/** Rows of students who are not PKH members: listed as unmatched. */
const UNKNOWN = 200;

export async function benchVerkom(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'graduasi-bench-'));
  const db = openDatabase(join(dir, 'bench.db'));
  try {
    await ensureSyntheticOffice(db, '3375');
    seedSyntheticFamilies(db, { count: FAMILIES, seed: 42, pendampingCount: 400 });
    const members = db.$client
      .prepare(`SELECT id, nik FROM art WHERE nik IS NOT NULL AND hubungan = 'anak' ORDER BY id LIMIT ?`)
      .all(ROWS - UNKNOWN) as { id: number; nik: string }[];
    const setNisn = db.$client.prepare('UPDATE art SET nisn = ? WHERE id = ?');
    const students: SchoolStudent[] = db.$client.transaction(() =>
      members.map((m, i) => {
        const s = syntheticStudent(i, 3);
        if (i >= BY_NISN) return { ...s, nikSiswa: m.nik, nisn: '' };
        setNisn.run(s.nisn, m.id);
        return { ...s, nikSiswa: '' };
      }),
    )();
    for (let i = 0; i < UNKNOWN; i++) students.push(syntheticStudent(500_000 + i, 3));
    const bytes = schoolFormCsv(
      { npsn: '20301234', schoolName: 'SD NEGERI 1 BENCH', months: ['2026-01', '2026-02', '2026-03'], students },
      { delimiter: ';', sepLine: true },
    );
    const input = { fileName: 'daftar-hadir.csv', base64: bytes.toString('base64'), year: 2026, quarter: 1 };
    const times: number[] = [];
    const previews: number[] = [];
    const cpu: number[] = [];
    for (let run = 0; run < 3; run++) {
      const start = process.hrtime.bigint();
      const cpuStart = process.cpuUsage();
      const preview = await previewSchoolForm(db, SYSTEM_ACTOR, input);
      previews.push(Number(process.hrtime.bigint() - start) / 1e6);
      const done = await commitSchoolForm(db, SYSTEM_ACTOR, { ...input, sha256: preview.sha256 });
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      const used = process.cpuUsage(cpuStart);
      cpu.push((used.user + used.system) / 1000);
      if (done.matched !== ROWS - UNKNOWN || preview.unmatched.length !== UNKNOWN) {
        throw new Error(`matched ${done.matched}, unmatched ${preview.unmatched.length}`);
      }
    }
    report('verkom_import_10k_rows', percentile(times, 50) / 1000, 's', 3);
    report('verkom_import_10k_preview', percentile(previews, 50), 'ms');
    // the CPU time of the process (worker included) beside it: on a loaded machine the wall time is mostly waiting
    report('verkom_import_10k_rows_cpu', percentile(cpu, 50) / 1000, 's', 3);
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchVerkom();
