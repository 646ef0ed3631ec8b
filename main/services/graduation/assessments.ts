/**
 * Verification (verifikasi ulang): the office's weighted criteria and threshold, edited by
 * the administrator; assessments recorded by the verifikator. The latest assessment of a candidacy decides
 * its stage (layak -> verified, belum layak -> candidate); every assessment is kept with the criteria it was
 * scored against.
 */
import { asc, desc, eq } from 'drizzle-orm';
import { type Db, inTransaction } from '../../../db/open';
import { verificationQueuePage } from '../../../db/queries/candidates';
import {
  type Assessment,
  type AssessmentCriterion,
  assessmentCriteria,
  assessments,
  graduationCandidates,
  graduationSettings,
} from '../../../db/schema';
import { type Criterion, scoreAssessment } from '../../domain/assessment';
import type { AssessmentInput, CriterionInput, VerificationQueueInput } from '../../domain/decision';
import { GRADUATION_DUTIES } from '../../domain/decision';
import { AppError } from '../../domain/errors';
import {
  CANDIDATE_STAGE_LABEL,
  type CandidateKind,
  type CandidateStage,
  type Recommendation,
} from '../../domain/graduation';
import { type Page, pageWindow } from '../../domain/paging';
import { type Actor, requireDuty } from '../actor';
import { writeAudit } from '../audit';
import { p2k2Answers } from '../p2k2-reports/family';
import { optionalText, pastDate } from './checked-input';

export function listCriteria(db: Db, options: { activeOnly?: boolean } = {}): AssessmentCriterion[] {
  const rows = db
    .select()
    .from(assessmentCriteria)
    .orderBy(asc(assessmentCriteria.sortOrder), asc(assessmentCriteria.id))
    .all();
  return options.activeOnly ? rows.filter((r) => r.active) : rows;
}

export function getThreshold(db: Db): number {
  return db.select({ t: graduationSettings.threshold }).from(graduationSettings).get()?.t ?? 60;
}

export function setThreshold(db: Db, actor: Actor, threshold: number): void {
  requireDuty(actor, GRADUATION_DUTIES.criteria, 'mengubah ambang batas kelayakan');
  inTransaction(db, () => {
    const before = getThreshold(db);
    db.update(graduationSettings).set({ threshold }).where(eq(graduationSettings.id, 1)).run();
    writeAudit(db, actor, {
      action: 'update',
      entity: 'graduation_settings',
      entityId: 1,
      summary: `Ambang batas kelayakan diubah dari ${before} menjadi ${threshold}`,
      before: { threshold: before },
      after: { threshold },
    });
  });
}

/** A code from the label, unique among the criteria: "Luas lantai" -> "luas_lantai", "luas_lantai_2". */
function newCode(db: Db, label: string): string {
  const base =
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '')
      .slice(0, 30) || 'kriteria';
  const taken = new Set(
    db
      .select({ code: assessmentCriteria.code })
      .from(assessmentCriteria)
      .all()
      .map((r) => r.code),
  );
  let code = base;
  for (let n = 2; taken.has(code); n++) code = `${base}_${n}`;
  return code;
}

/** Creates or updates one criterion; past assessments keep the criteria they were scored with. */
export function saveCriterion(db: Db, actor: Actor, input: CriterionInput): AssessmentCriterion {
  requireDuty(actor, GRADUATION_DUTIES.criteria, 'mengubah kriteria verifikasi');
  const codes = input.options.map((o) => o.code);
  if (new Set(codes).size !== codes.length) {
    throw new AppError('INVALID_INPUT', 'Kode pilihan dalam satu kriteria tidak boleh sama.', {
      fields: { options: 'Kode pilihan tidak boleh sama.' },
    });
  }
  const values = {
    label: input.label,
    weight: input.weight,
    required: input.required,
    options: input.options,
    source: input.source,
    active: input.active,
    sortOrder: input.sortOrder,
  };
  return inTransaction(db, () => {
    if (input.id === undefined) {
      const row = db
        .insert(assessmentCriteria)
        .values({ ...values, code: newCode(db, input.label) })
        .returning()
        .get();
      writeAudit(db, actor, {
        action: 'create',
        entity: 'assessment_criterion',
        entityId: row.id,
        summary: `Kriteria verifikasi "${row.label}" ditambahkan`,
        after: row,
      });
      return row;
    }
    const before = db.select().from(assessmentCriteria).where(eq(assessmentCriteria.id, input.id)).get();
    if (!before) throw new AppError('NOT_FOUND', 'Kriteria verifikasi tidak ditemukan.');
    const row = db.update(assessmentCriteria).set(values).where(eq(assessmentCriteria.id, input.id)).returning().get();
    writeAudit(db, actor, {
      action: 'update',
      entity: 'assessment_criterion',
      entityId: row.id,
      summary: `Kriteria verifikasi "${row.label}" diubah`,
      before,
      after: row,
    });
    return row;
  });
}

const asCriterion = (r: AssessmentCriterion): Criterion => ({
  code: r.code,
  label: r.label,
  weight: r.weight,
  required: r.required,
  options: r.options,
  source: r.source,
});

/** The active criteria as scored (the P2K2 summary answers those with a source). */
export const activeCriteria = (db: Db): Criterion[] => listCriteria(db, { activeOnly: true }).map(asCriterion);

/** Scores a visit against the active criteria and moves the candidacy by its recommendation. */
export function recordAssessment(db: Db, actor: Actor, input: AssessmentInput): Assessment {
  requireDuty(actor, GRADUATION_DUTIES.verify, 'mencatat verifikasi ulang');
  const visitDate = pastDate('Tanggal kunjungan', input.visitDate, 'visitDate');
  const notes = optionalText('Catatan', 1000, input.notes, 'notes', true);
  return inTransaction(db, () => {
    const candidate = db
      .select()
      .from(graduationCandidates)
      .where(eq(graduationCandidates.id, input.candidateId))
      .get();
    if (!candidate) throw new AppError('NOT_FOUND', 'Calon graduasi tidak ditemukan.');
    if (candidate.stage !== 'candidate' && candidate.stage !== 'verified') {
      throw new AppError(
        'CONFLICT',
        `Calon ini sudah berada pada tahap "${CANDIDATE_STAGE_LABEL[candidate.stage].toLowerCase()}"; verifikasi hanya untuk calon yang belum diusulkan.`,
      );
    }
    const criteria = activeCriteria(db);
    // P2K2 criteria are answered from the family's attendance on the visit's date, whatever the form sent
    const answers = { ...input.answers, ...p2k2Answers(db, candidate.kpmId, criteria, visitDate) };
    const result = scoreAssessment(criteria, answers, getThreshold(db));
    if (!result.ok) {
      const parts = [
        result.missing.length ? `belum dijawab: ${result.missing.join(', ')}` : '',
        result.unknown.length ? `pilihan tidak dikenal: ${result.unknown.join(', ')}` : '',
      ].filter(Boolean);
      throw new AppError('INVALID_INPUT', `Penilaian belum lengkap (${parts.join('; ')}).`, {
        fields: { answers: parts.join('; ') },
      });
    }
    const recommendation: Recommendation = result.layak ? 'layak' : 'belum_layak';
    const row = db
      .insert(assessments)
      .values({
        candidateId: candidate.id,
        verifierId: actor.id,
        verifierName: actor.username,
        visitDate,
        answers,
        criteria,
        score: result.score,
        recommendation,
        notes,
        createdAt: new Date().toISOString(),
      })
      .returning()
      .get();
    const stage: CandidateStage = result.layak ? 'verified' : 'candidate';
    db.update(graduationCandidates)
      .set({ stage, updatedAt: row.createdAt })
      .where(eq(graduationCandidates.id, candidate.id))
      .run();
    writeAudit(db, actor, {
      action: 'assess',
      entity: 'graduation_candidate',
      entityId: candidate.id,
      summary: `Verifikasi ulang KPM #${candidate.kpmId}: skor ${result.score}, ${result.layak ? 'layak' : 'belum layak'}`,
      before: { stage: candidate.stage },
      after: { stage, assessmentId: row.id, score: result.score, recommendation },
    });
    return row;
  });
}

export function listAssessments(db: Db, candidateId: number): Assessment[] {
  return db
    .select()
    .from(assessments)
    .where(eq(assessments.candidateId, candidateId))
    .orderBy(desc(assessments.id))
    .all();
}

export interface QueueRow {
  candidateId: number;
  kpmId: number;
  nama: string;
  nik: string;
  idKpm: string | null;
  kind: CandidateKind;
  stage: CandidateStage;
  reasons: string[];
  lastScore: number | null;
  lastRecommendation: Recommendation | null;
  lastVisitDate: string | null;
  assessmentCount: number;
}

/** Candidates awaiting verification (candidate) or verified but not yet proposed (verified). */
export function listVerificationQueue(db: Db, input: VerificationQueueInput): Page<QueueRow> {
  const { items, total } = verificationQueuePage(db, input.q.trim(), pageWindow(input));
  return { items, total, page: input.page, pageSize: input.pageSize };
}
