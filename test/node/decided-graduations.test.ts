/**
 * decided_graduations, the year's decided graduations (one row per family) that Beranda, the targets and the
 * reports read, kept by triggers: after the decision service's decision and reversal, and after random writes of
 * every kind to families, candidacies, proposal items and decisions, it equals the rule counted afresh by joining the
 * unreversed decisions' approved items down to their graduated families (the first such decision's candidate
 * pendamping per family, as that join read them).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../db/open';
import { GRADUATED_STATUSES } from '../../main/domain/enums';
import { CANDIDATE_STAGES, ITEM_DECISIONS } from '../../main/domain/graduation';
import type { Actor } from '../../main/services/actor';
import { recordAssessment } from '../../main/services/graduation/assessments';
import { decideProposal, reverseDecision } from '../../main/services/graduation/decisions';
import { decidedGraduations } from '../../main/services/graduation/graduated';
import { addToProposal, createProposal, submitProposal } from '../../main/services/graduation/proposals';
import {
  addFamilies,
  addPendamping,
  BEST_ANSWERS,
  decideGraduations,
  insertCandidate,
  insertFamily,
  reverseDecision as reverseDecisionRow,
  userActor,
} from '../support/graduation';
import { setUpTestOffice } from '../support/office';
import { closeOlderFile, openOlderFile } from '../support/older-migrations';
import { writeOldStates } from '../support/older-states';
import {
  BARAT,
  expectInStep,
  expectInStepThroughRandomWrites,
  levelCheck,
  moveFamily,
  type SummaryCheck,
  summaryOffice,
  TIMUR,
} from '../support/summary-counts';
import { tempDbFile } from './helpers';

const GRADUATED = GRADUATED_STATUSES.map((s) => `'${s}'`).join(', ');

let db: Db;
let admin: Actor;
let pendampingIds: number[];
let places: (readonly [string, string])[];

const CHECK: SummaryCheck = {
  summary:
    'SELECT kpm_id, status, status_date, district_code, village_code, pendamping_id FROM decided_graduations ORDER BY 1',
  counted: `SELECT kpm_id, status, status_date, district_code, village_code, pendamping_id FROM (
      SELECT k.id AS kpm_id, k.status, k.status_date, k.district_code, k.village_code, c.pendamping_id,
        row_number() OVER (PARTITION BY k.id ORDER BY dc.id, pi.candidate_id) AS nth
      FROM decisions dc JOIN proposal_items pi ON pi.proposal_id = dc.proposal_id AND pi.decision = 'approved'
      JOIN graduation_candidates c ON c.id = pi.candidate_id JOIN kpm k ON k.id = c.kpm_id
      WHERE dc.reversed_at IS NULL AND k.status IN (${GRADUATED}))
    WHERE nth = 1 ORDER BY 1`,
};

/** decided_graduation_level_counts: the same graduations counted per kecamatan and per pendamping, month and status. */
const CHECKS = [
  CHECK,
  levelCheck(CHECK, {
    table: 'decided_graduation_level_counts',
    keys: [
      ['month', 'substr(status_date, 1, 7)'],
      ['status', 'status'],
    ],
    values: [['graduations', 'count(*)']],
    pendamping: 'ifnull(pendamping_id, 0)',
    where: 'status_date IS NOT NULL',
  }),
];

beforeAll(async () => {
  ({ db, admin, pendampingIds, places } = await summaryOffice());
});

describe('decided_graduations', () => {
  it('follows the decision service: an approved family counts, a rejected one does not, a reversal takes it away', () => {
    const operator = userActor(db, admin, 'operator', 'operator1');
    const verifikator = userActor(db, admin, 'verifikator', 'verif1');
    const pimpinan = userActor(db, admin, 'pimpinan', 'pimpinan1');
    const candidates = [801, 802].map((n) => {
      const candidateId = insertCandidate(db, insertFamily(db, admin, n), { kind: 'alamiah', reasons: ['Tidak ada'] });
      recordAssessment(db, verifikator, { candidateId, visitDate: '2026-01-05', answers: BEST_ANSWERS, notes: '' });
      return candidateId;
    });
    const proposal = createProposal(db, operator, { year: 2026, title: 'Usulan uji' });
    addToProposal(db, operator, { proposalId: proposal.id, candidateIds: candidates });
    submitProposal(db, operator, proposal.id);
    const decision = decideProposal(db, pimpinan, {
      proposalId: proposal.id,
      skNumber: '400/1/UJI',
      skDate: '2026-02-01',
      items: [
        { candidateId: candidates[0], decision: 'approved', rejectReason: '' },
        { candidateId: candidates[1], decision: 'rejected', rejectReason: 'Masih ada balita' },
      ],
    });
    expectInStep(db, CHECKS, 'decided');
    expect(decidedGraduations(db, 2026)).toEqual([
      expect.objectContaining({ status: 'graduasi_alamiah', at: '2026-02-01', d: BARAT }),
    ]);
    expect(decidedGraduations(db, 2025)).toEqual([]);
    reverseDecision(db, pimpinan, { decisionId: decision.id, reason: 'SK salah nomor' });
    expectInStep(db, CHECKS, 'reversed');
    expect(decidedGraduations(db, 2026)).toEqual([]);
  });

  it('stays equal to the rule through 400 random writes of every kind', () => {
    const families = [
      ...addFamilies(db, { count: 8, pendampingId: pendampingIds[0], districtCode: BARAT }),
      ...addFamilies(db, { count: 8, pendampingId: null, districtCode: TIMUR }),
    ];
    decideGraduations(db, { kpmIds: families.slice(0, 4), skDate: '2026-03-01' });
    decideGraduations(db, { kpmIds: families.slice(8, 11), skDate: '2025-11-20', kind: 'alamiah' });
    const statuses = ['aktif', ...GRADUATED_STATUSES, 'keluar'];
    const dates = ['2025-12-31', '2026-01-01', '2026-06-15', null];
    const owners = [...pendampingIds, null];
    const ids = (table: string) => db.$client.prepare(`SELECT id FROM ${table} ORDER BY id`).pluck().all() as number[];
    const update = (sql: string, ...values: unknown[]) => db.$client.prepare(sql).run(...values);
    expectInStepThroughRandomWrites(db, CHECKS, {
      seed: 41,
      steps: 400,
      writes: [
        (pick) => decideGraduations(db, { kpmIds: [pick(families)], skDate: pick(['2026-04-01', '2026-09-09']) }),
        (pick) => update('UPDATE kpm SET status = ? WHERE id = ?', pick(statuses), pick(families)),
        (pick) => update('UPDATE kpm SET status_date = ? WHERE id = ?', pick(dates), pick(families)),
        (pick) => moveFamily(db, pick(families), pick(places)),
        (pick) =>
          update(
            'UPDATE graduation_candidates SET pendamping_id = ? WHERE id = ?',
            pick(owners),
            pick(ids('graduation_candidates')),
          ),
        (pick) => {
          // a candidacy moved to another family: refused when the family already has an open one
          try {
            update(
              'UPDATE graduation_candidates SET kpm_id = ? WHERE id = ?',
              pick(families),
              pick(ids('graduation_candidates')),
            );
          } catch {
            // nothing changed
          }
        },
        (pick) => {
          // the stage is not part of the rule: a change of it must leave the rows as they are
          const closed = CANDIDATE_STAGES.filter((s) => s === 'approved' || s === 'rejected' || s === 'cancelled');
          update(
            'UPDATE graduation_candidates SET stage = ? WHERE id = ?',
            pick(closed),
            pick(ids('graduation_candidates')),
          );
        },
        (pick) =>
          update(
            'UPDATE proposal_items SET decision = ? WHERE rowid = ?',
            pick([...ITEM_DECISIONS, null]),
            pick(db.$client.prepare('SELECT rowid FROM proposal_items').pluck().all() as number[]),
          ),
        (pick) => {
          // a candidacy added to a proposal, approved or rejected
          const candidate = pick(ids('graduation_candidates'));
          try {
            update(
              'INSERT INTO proposal_items (proposal_id, candidate_id, decision) VALUES (?, ?, ?)',
              pick(ids('proposals')),
              candidate,
              pick(ITEM_DECISIONS),
            );
          } catch {
            // already in that proposal: nothing changed
          }
        },
        (pick) => {
          const decision = pick(ids('decisions'));
          update('UPDATE decisions SET reversed_at = ? WHERE id = ?', pick([null, '2026-05-01T00:00:00Z']), decision);
        },
        (pick) => {
          // a decision nothing else refers to (its visits go first) is deleted
          const decision = pick(ids('decisions'));
          update('DELETE FROM follow_up_visits WHERE decision_id = ?', decision);
          try {
            update('DELETE FROM decisions WHERE id = ?', decision);
          } catch {
            // still referred to: nothing changed
          }
        },
        (pick) =>
          update(
            'DELETE FROM proposal_items WHERE rowid = ?',
            pick(db.$client.prepare('SELECT rowid FROM proposal_items').pluck().all() as number[]),
          ),
      ],
    });
  });
});

it('is filled from the decisions of a file written before it existed', async () => {
  const file = tempDbFile();
  const older = openOlderFile(file, '0020');
  await setUpTestOffice(older);
  const owner = addPendamping(older, 'SRI LESTARI', [BARAT]);
  const families = addFamilies(older, { count: 6, pendampingId: owner, districtCode: BARAT });
  decideGraduations(older, { kpmIds: families.slice(0, 3), skDate: '2026-03-01' });
  const reversed = decideGraduations(older, { kpmIds: families.slice(3, 5), skDate: '2026-04-01', kind: 'alamiah' });
  reverseDecisionRow(older, reversed.decisionId);
  writeOldStates(older);
  closeOlderFile(older);
  const migrated = openDatabase(file);
  expectInStep(migrated, CHECKS);
  expect(decidedGraduations(migrated, 2026).map((g) => [g.id, g.p])).toEqual(
    families.slice(0, 3).map((id) => [id, owner]),
  );
  migrated.$client.close();
});
