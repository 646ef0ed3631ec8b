/**
 * An office with something on every screen, for the tests that look at whole pages (accessibility, layout):
 * synthetic families with their pendamping, candidates in each stage, a decided proposal with follow-up visits,
 * an award programme with awards in each stage, an open proposal and documents in the register (one voided).
 * Dates follow the server's own clock (the e2e server runs on the real one), so "this year" is the app's year.
 */
import { seedSyntheticFamilies } from '../fixtures/seed';
import { insertAward, insertItem, insertProgram } from './award-rows';
import { registerTestDocument } from './documents-register';
import { addCandidates, decideGraduations } from './graduation';
import type { WebServer } from './web';

export interface SeededOffice {
  programId: number;
  /** An open (draft) proposal and a decided one. */
  proposalId: number;
  decidedProposalId: number;
  /** The first 30 families; 10 to 15 are graduated (with awards and visits), 20 and on are plain active ones. */
  kpmIds: number[];
}

const isoDay = (date: Date) => date.toLocaleDateString('sv-SE', { timeZone: 'Asia/Jakarta' });

export function seedOffice(web: WebServer): SeededOffice {
  const db = web.db;
  seedSyntheticFamilies(db, { count: 40, seed: 7, pendampingCount: 3 });
  const kpmIds = (db.$client.prepare('SELECT id FROM kpm ORDER BY id').pluck().all() as number[]).slice(0, 30);
  addCandidates(db, kpmIds.slice(0, 3), 'candidate');
  addCandidates(db, kpmIds.slice(3, 5), 'verified', 'alamiah');
  const today = new Date();
  // An SK dated early this year: its 3-month visits are overdue, the later ones still to come.
  const skDate = `${today.getFullYear()}-01-15`;
  const graduated = kpmIds.slice(10, 16);
  const decided = decideGraduations(db, { kpmIds: graduated, rejectedKpmIds: kpmIds.slice(16, 17), skDate });
  // One visit due today, so Pemantauan opens on a list with its "Catat kunjungan" button.
  db.$client
    .prepare('INSERT INTO follow_up_visits (kpm_id, decision_id, months_after, due_date) VALUES (?, ?, 1, ?)')
    .run(graduated[0], decided.decisionId, isoDay(today));
  const proposalId = db.$client
    .prepare(
      `INSERT INTO proposals (number, year, title, status, created_by_name, created_at)
       VALUES (?, ?, 'Usulan graduasi triwulan', 'draft', 'uji', ?) RETURNING id`,
    )
    .pluck()
    .get(`USL/${today.getFullYear()}/901`, today.getFullYear(), today.toISOString()) as number;
  const programId = insertProgram(db, { year: today.getFullYear() });
  const item = insertItem(db, 'Etalase kaca', 'unit', 1_500_000);
  const stages = ['planned', 'approved', 'handed_over', 'cancelled'] as const;
  graduated.slice(0, stages.length).forEach((kpmId, i) => {
    insertAward(db, { programId, kpmId, stage: stages[i], lines: [{ itemId: item, quantity: 1 }], cash: 500_000 });
  });
  const issued = registerTestDocument(db, {
    number: `460/001/Dinsos/I/${today.getFullYear()}`,
    subject: 'Siti Wulandari',
  });
  // Issued in a wisuda batch: its row offers "Satu kelompok" beside "Cetak ulang" and "Batalkan".
  const batchId = db.$client
    .prepare(
      `INSERT INTO document_batches (kind, count, created_by_name, created_at)
       VALUES ('sk_graduasi', 1, 'uji', ?) RETURNING id`,
    )
    .pluck()
    .get(today.toISOString()) as number;
  db.$client.prepare('UPDATE documents SET batch_id = ? WHERE id = ?').run(batchId, issued.id);
  registerTestDocument(db, {
    number: `460/002/Dinsos/I/${today.getFullYear()}`,
    subject: 'Sri Lestari',
    voided: { at: `${isoDay(today)}T02:00:00.000Z`, reason: 'Salah ketik nama' },
  });
  return { programId, proposalId, decidedProposalId: decided.proposalId, kpmIds };
}
