/**
 * The office's evaluation settings: the indicators (each tied to one figure or scored freely, weights adding up to
 * 100) and the complaint categories. The defaults apply until an administrator saves.
 */
import { eq } from 'drizzle-orm';
import { type Db, inTransaction } from '../../../db/open';
import { evaluationSettings } from '../../../db/schema';
import { AppError } from '../../domain/errors';
import {
  DEFAULT_COMPLAINT_CATEGORIES,
  DEFAULT_INDICATORS,
  EVALUATION_DUTIES,
  type EvaluationIndicator,
  type EvaluationSettingsInput,
} from '../../domain/evaluation';
import { type Actor, requireDuty } from '../actor';
import { writeAudit } from '../audit';
import { FIGURE_KEYS, PENDAMPING_FIGURES } from './figures';

export interface EvaluationSettingsView {
  indicators: EvaluationIndicator[];
  complaintCategories: string[];
  /** The figures an indicator may be tied to (those where more is better). */
  figures: { key: string; label: string; unit: string }[];
}

const SCORABLE = PENDAMPING_FIGURES.filter((f) => f.higherIsBetter === true);

export function getEvaluationSettings(db: Db): EvaluationSettingsView {
  const row = db.select().from(evaluationSettings).where(eq(evaluationSettings.id, 1)).get();
  return {
    indicators: row?.indicators ?? DEFAULT_INDICATORS,
    complaintCategories: row?.complaintCategories ?? DEFAULT_COMPLAINT_CATEGORIES,
    figures: SCORABLE.map((f) => ({ key: f.key, label: f.label, unit: f.unit })),
  };
}

/** The settings' problems, each naming its row: weights not adding to 100, a repeated key, an unknown figure. */
export function checkEvaluationSettings(input: EvaluationSettingsInput): Record<string, string> {
  const fields: Record<string, string> = {};
  const sum = input.indicators.reduce((s, i) => s + i.weight, 0);
  if (sum !== 100) fields.indicators = `Jumlah bobot indikator harus 100; sekarang ${sum}.`;
  const seen = new Set<string>();
  input.indicators.forEach((indicator, i) => {
    if (seen.has(indicator.key))
      fields[`indicators.${i}.key`] = `Kode "${indicator.key}" dipakai dua kali (baris ${i + 1}).`;
    seen.add(indicator.key);
    const scorable = SCORABLE.some((f) => f.key === indicator.figure);
    if (indicator.figure !== null && (!FIGURE_KEYS.has(indicator.figure) || !scorable)) {
      fields[`indicators.${i}.figure`] = `Angka "${indicator.figure}" tidak dikenal (baris ${i + 1}).`;
    }
  });
  const categories = new Set(input.complaintCategories.map((c) => c.toLowerCase()));
  if (categories.size !== input.complaintCategories.length)
    fields.complaintCategories = 'Ada kategori pengaduan yang sama.';
  return fields;
}

export function saveEvaluationSettings(db: Db, actor: Actor, input: EvaluationSettingsInput): EvaluationSettingsView {
  requireDuty(actor, EVALUATION_DUTIES.settings, 'mengubah indikator evaluasi');
  const fields = checkEvaluationSettings(input);
  if (Object.keys(fields).length > 0) {
    throw new AppError('INVALID_INPUT', Object.values(fields)[0], { fields });
  }
  return inTransaction(db, () => {
    const before = getEvaluationSettings(db);
    const values = { ...input, updatedAt: new Date().toISOString() };
    db.insert(evaluationSettings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: evaluationSettings.id, set: values })
      .run();
    writeAudit(db, actor, {
      action: 'update',
      entity: 'evaluation_settings',
      entityId: 1,
      summary: `Indikator evaluasi pendamping diubah (${input.indicators.length} indikator)`,
      before: { indicators: before.indicators, complaintCategories: before.complaintCategories },
      after: input,
    });
    return getEvaluationSettings(db);
  });
}
