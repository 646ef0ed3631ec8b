/**
 * `graduation_decide_2000`: a pimpinan approves one proposal of 2,000 families (status, exit type, reason and
 * date per family, three follow-up visits each, one audit record each), in one transaction. The decision is
 * reversed between passes (not timed) so each pass decides the same proposal afresh; median of the passes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../db/open';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { decideProposal, reverseDecision } from '../../main/services/graduation/decisions';
import { ensureSyntheticOffice, seedSyntheticFamilies } from '../fixtures/seed';
import { userActor } from '../support/graduation';
import { percentile, report } from './stats';

const FAMILIES = 2_000;
const PASSES = 5;

export async function benchGraduationDecide(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'graduasi-bench-'));
  const db = openDatabase(join(dir, 'bench.db'));
  try {
    await ensureSyntheticOffice(db, '3375');
    seedSyntheticFamilies(db, { count: FAMILIES * 2, seed: 21 });
    const operator = userActor(db, SYSTEM_ACTOR, 'operator', 'operator_bench');
    const pimpinan = userActor(db, SYSTEM_ACTOR, 'pimpinan', 'pimpinan_bench');
    const sqlite = db.$client;
    const ids = (
      sqlite.prepare("SELECT id FROM kpm WHERE status = 'aktif' ORDER BY id LIMIT ?").all(FAMILIES) as { id: number }[]
    ).map((r) => r.id);
    if (ids.length < FAMILIES) throw new Error(`only ${ids.length} active families seeded`);
    const now = new Date().toISOString();
    const proposalId = Number(
      sqlite
        .prepare(
          "INSERT INTO proposals (number, year, title, status, created_by, created_by_name, created_at, submitted_at) VALUES ('USL/2026/001', 2026, 'Bench', 'submitted', ?, 'operator_bench', ?, ?)",
        )
        .run(operator.id, now, now).lastInsertRowid,
    );
    const addCandidate = sqlite.prepare(
      "INSERT INTO graduation_candidates (kpm_id, kind, reasons, stage, created_by_name, created_at, updated_at) VALUES (?, ?, ?, 'proposed', 'operator_bench', ?, ?)",
    );
    const addStatement = sqlite.prepare(
      "INSERT INTO graduation_statements (candidate_id, signed_date, witness_pendamping, witness_kepala_desa, place, recorded_by_name, recorded_at) VALUES (?, '2026-01-10', 'Pendamping Sintetis', 'Lurah Sintetis', 'Kantor desa', 'operator_bench', ?)",
    );
    const addItem = sqlite.prepare('INSERT INTO proposal_items (proposal_id, candidate_id) VALUES (?, ?)');
    const candidateIds: number[] = [];
    sqlite.transaction(() => {
      ids.forEach((kpmId, i) => {
        const mandiri = i % 3 !== 0;
        const id = Number(
          addCandidate.run(
            kpmId,
            mandiri ? 'mandiri' : 'alamiah',
            mandiri ? '["usaha"]' : '["Tidak ada komponen"]',
            now,
            now,
          ).lastInsertRowid,
        );
        if (mandiri) addStatement.run(id, now);
        addItem.run(proposalId, id);
        candidateIds.push(id);
      });
    })();
    const input = {
      proposalId,
      skNumber: '400/1/2026',
      skDate: '2026-01-31',
      items: candidateIds.map((candidateId) => ({ candidateId, decision: 'approved' as const, rejectReason: '' })),
    };
    const times: number[] = [];
    const cpu: number[] = [];
    for (let pass = 0; pass < PASSES; pass++) {
      const start = performance.now();
      const startCpu = process.cpuUsage();
      const decision = decideProposal(db, pimpinan, input);
      const used = process.cpuUsage(startCpu);
      times.push(performance.now() - start);
      cpu.push((used.user + used.system) / 1000);
      const graduated = (
        sqlite.prepare("SELECT count(*) AS n FROM kpm WHERE status_reason LIKE '%Penetapan SK 400/1/2026'").get() as {
          n: number;
        }
      ).n;
      if (graduated !== FAMILIES) throw new Error(`decision graduated ${graduated} families, expected ${FAMILIES}`);
      reverseDecision(db, pimpinan, { decisionId: decision.id, reason: 'Ulangi pengukuran' });
    }
    times.sort((a, b) => a - b);
    report('graduation_decide_2000', times[Math.floor(PASSES / 2)], 'ms');
    // the CPU time beside it: on a loaded machine the wall time is mostly waiting for a core
    report('graduation_decide_2000_cpu', percentile(cpu, 50), 'ms');
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchGraduationDecide();
