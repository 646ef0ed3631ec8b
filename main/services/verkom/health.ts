/**
 * Health commitments recorded per person and month: by hand on the family page, or from a simple sheet with the
 * columns NIK, BULAN, JENIS, HADIR (ya/tidak). The sheet is all or nothing: one unreadable row refuses it, naming
 * the row.
 */
import { type Db, inTransaction } from '../../../db/open';
import { healthWriter, kpmPendamping, personByNik } from '../../../db/queries/verkom';
import { VERKOM_DUTIES } from '../../domain/duties';
import { AppError } from '../../domain/errors';
import { cleanText } from '../../domain/normalize-cell';
import {
  HEALTH_KIND_LABEL,
  HEALTH_KINDS,
  type HealthKind,
  type HealthRecordInput,
  MONTH_NAMES,
} from '../../domain/verkom';
import { type Actor, ownPendampingId, requireDuty } from '../actor';
import { writeAudit } from '../audit';
import { readSheet } from './school-form';
import { requireOwnFamily } from './scope';

export function recordHealth(db: Db, actor: Actor, input: HealthRecordInput, now: Date = new Date()) {
  requireDuty(actor, VERKOM_DUTIES.record, 'mencatat komitmen kesehatan');
  requireOwnFamily(db, actor, input.kpmId);
  if (input.memberId !== null && !familyHealthMember(db, input.kpmId, input.memberId)) {
    throw new AppError('INVALID_INPUT', 'Anggota tidak termasuk keluarga ini.', {
      fields: { memberId: 'Pilih anggota keluarga ini.' },
    });
  }
  return inTransaction(db, () => {
    healthWriter(db)({
      kpmId: input.kpmId,
      artId: input.memberId,
      month: input.month,
      kind: input.kind,
      attended: input.attended,
      recordedBy: actor.id,
      recordedAt: now.toISOString(),
    });
    writeAudit(db, actor, {
      action: 'update',
      entity: 'kpm',
      entityId: input.kpmId,
      summary: `${HEALTH_KIND_LABEL[input.kind]} ${input.month}: ${input.attended ? 'hadir' : 'tidak hadir'}`,
      before: null,
      after: input,
    });
    return { saved: true };
  });
}

function familyHealthMember(db: Db, kpmId: number, memberId: number): boolean {
  return (
    db.query.art.findFirst({ where: (a, { and, eq }) => and(eq(a.id, memberId), eq(a.kpmId, kpmId)) }) !== undefined
  );
}

const KIND_NAMES: Record<string, HealthKind> = {
  POSYANDU: 'posyandu',
  BALITA: 'posyandu',
  KEHAMILAN: 'kehamilan',
  'IBU HAMIL': 'kehamilan',
  BUMIL: 'kehamilan',
  LANSIA: 'lansia',
  'LANJUT USIA': 'lansia',
  DISABILITAS: 'disabilitas',
};

/** "2026-02", "02-2026", "FEBRUARI 2026" or "Feb 2026" as YYYY-MM. */
export function sheetMonth(text: string): string | null {
  const t = text.toUpperCase().trim();
  let m = t.match(/^(\d{4})-(\d{1,2})$/);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${m[1]}-${m[2].padStart(2, '0')}` : null;
  m = t.match(/^(\d{1,2})[-/](\d{4})$/);
  if (m) return Number(m[1]) >= 1 && Number(m[1]) <= 12 ? `${m[2]}-${m[1].padStart(2, '0')}` : null;
  m = t.match(/^([A-Z]+)\s+(\d{4})$/);
  if (m) {
    const i = MONTH_NAMES.findIndex((name) => name.startsWith(m?.[1].slice(0, 3) ?? '-'));
    return i >= 0 ? `${m[2]}-${String(i + 1).padStart(2, '0')}` : null;
  }
  return null;
}

/** Reads and writes the health sheet; every row must name a known person the actor may record. */
export async function importHealthSheet(db: Db, actor: Actor, input: { base64: string }, now: Date = new Date()) {
  requireDuty(actor, VERKOM_DUTIES.record, 'mencatat komitmen kesehatan');
  const own = ownPendampingId(actor);
  const rows = await readSheet(Buffer.from(input.base64, 'base64'));
  const head = (rows[0]?.cells ?? []).map((c) => cleanText(c).toUpperCase());
  const col = (name: string) => head.indexOf(name);
  const at = { nik: col('NIK'), bulan: col('BULAN'), jenis: col('JENIS'), hadir: col('HADIR') };
  const missing = Object.entries(at)
    .filter(([, i]) => i < 0)
    .map(([k]) => k.toUpperCase());
  if (missing.length > 0)
    throw new AppError('INVALID_INPUT', `Kolom ${missing.join(', ')} tidak ditemukan pada baris pertama.`);
  const writes: HealthRecordInput[] = [];
  const errors: string[] = [];
  for (const r of rows.slice(1)) {
    const cell = (i: number) => cleanText(r.cells[i]);
    if ([at.nik, at.bulan, at.jenis, at.hadir].every((i) => cell(i) === '')) continue;
    const person = personByNik(db, cell(at.nik).replace(/^'/, ''));
    const month = sheetMonth(cell(at.bulan));
    const kind = KIND_NAMES[cell(at.jenis).toUpperCase()];
    const hadir = cell(at.hadir).toUpperCase();
    const attended = hadir === 'YA' || hadir === 'Y' ? true : hadir === 'TIDAK' || hadir === 'T' ? false : null;
    const wrong = [
      !person && `NIK ${cell(at.nik)} tidak terdaftar`,
      person && own !== null && !ownsFamily(db, person.kpmId, own) && 'keluarga bukan dampingan Anda',
      !month && `bulan "${cell(at.bulan)}" tidak terbaca`,
      !kind && `jenis "${cell(at.jenis)}" bukan ${HEALTH_KINDS.join('/')}`,
      attended === null && `HADIR "${cell(at.hadir)}" harus ya atau tidak`,
    ].filter(Boolean);
    if (wrong.length > 0 || !person || !month || !kind || attended === null) {
      errors.push(`baris ${r.row}: ${wrong.join('; ')}`);
      continue;
    }
    writes.push({ kpmId: person.kpmId, memberId: person.artId, month, kind, attended });
  }
  if (errors.length > 0) {
    throw new AppError('INVALID_INPUT', `Tidak ada yang disimpan. ${errors.slice(0, 20).join('. ')}.`);
  }
  return inTransaction(db, () => {
    const write = healthWriter(db);
    for (const w of writes) write({ ...w, artId: w.memberId, recordedBy: actor.id, recordedAt: now.toISOString() });
    writeAudit(db, actor, {
      action: 'import',
      entity: 'verkom_health',
      entityId: null,
      summary: `Lembar komitmen kesehatan: ${writes.length} catatan`,
      before: null,
      after: { records: writes.length },
    });
    return { records: writes.length };
  });
}

function ownsFamily(db: Db, kpmId: number, pendampingId: number): boolean {
  return kpmPendamping(db, kpmId)?.pendampingId === pendampingId;
}
