/**
 * Document settings: paper, kode unit, place, numbering mode, the templates per kind and the
 * signatories. The Kepala Dinas is not a row here: he comes from the office profile (Pengaturan > Kantor).
 * All changes are the administrator's, each audited in its own transaction.
 */

import { asc, eq } from 'drizzle-orm';
import { type Db, inTransaction } from '../../../db/open';
import {
  type DocumentSettings,
  type DocumentTemplate,
  documentSettings,
  documentTemplates,
  type Office,
  type Signatory,
  signatories,
} from '../../../db/schema';
import {
  DOCUMENT_KIND_LABEL,
  DOCUMENT_KINDS,
  type DocumentKind,
  type DocumentSettingsInput,
  type SignatoryInput,
  type TemplateInput,
} from '../../domain/documents';
import { DOCUMENT_DUTIES } from '../../domain/duties';
import { AppError } from '../../domain/errors';
import { type Actor, requireRole } from '../actor';
import { writeAudit } from '../audit';
import { getOffice } from '../setup';
import { alignSequences } from './numbering';
import type { HeadSignatory } from './types';
import { folderProblem } from './verification-folder';

const fieldError = (field: string, message: string) =>
  new AppError('INVALID_INPUT', message, { fields: { [field]: message } });

export function requireOffice(db: Db): Office {
  const profile = getOffice(db);
  if (!profile) throw new AppError('SETUP_REQUIRED', 'Aplikasi belum disiapkan: profil kantor belum ada.');
  return profile;
}

export function getDocumentSettings(db: Db): DocumentSettings {
  const row = db.select().from(documentSettings).where(eq(documentSettings.id, 1)).get();
  if (!row) throw new Error('document_settings row 1 missing (migration 0010)');
  return row;
}

export function getTemplates(db: Db): DocumentTemplate[] {
  const rows = db.select().from(documentTemplates).all();
  return DOCUMENT_KINDS.flatMap((kind) => rows.filter((t) => t.kind === kind));
}

export function getTemplate(db: Db, kind: DocumentKind): DocumentTemplate {
  const row = db.select().from(documentTemplates).where(eq(documentTemplates.kind, kind)).get();
  if (!row) throw new Error(`template ${kind} missing (migration 0010)`);
  return row;
}

/** The Kepala Dinas as he signs: 'Kepala Dinas Sosial Kota Pekalongan', from the office profile. */
export function headSignatory(profile: Office): HeadSignatory {
  const agency = profile.agencyName.trim();
  const named = agency.toLowerCase().includes(profile.regencyName.toLowerCase());
  return {
    position: `Kepala ${named ? agency : `${agency} ${profile.regencyName}`}`,
    name: profile.headName,
    rank: profile.headRank,
    nip: profile.headNip,
  };
}

/** What Pengaturan > Dokumen shows. */
export function documentSetup(db: Db) {
  return {
    settings: getDocumentSettings(db),
    templates: getTemplates(db),
    signatories: db.select().from(signatories).orderBy(asc(signatories.name)).all(),
    head: headSignatory(requireOffice(db)),
  };
}

/** Kinds that share one pattern: with one sequence per kind their numbers would collide. */
function sharedPatterns(templates: DocumentTemplate[]): string | null {
  const byPattern = new Map<string, DocumentKind[]>();
  for (const t of templates) byPattern.set(t.numberPattern, [...(byPattern.get(t.numberPattern) ?? []), t.kind]);
  const clash = [...byPattern.values()].find((kinds) => kinds.length > 1);
  return clash ? clash.map((k) => DOCUMENT_KIND_LABEL[k]).join(', ') : null;
}

export function saveDocumentSettings(db: Db, actor: Actor, input: DocumentSettingsInput): DocumentSettings {
  requireRole(actor, DOCUMENT_DUTIES.settings);
  return inTransaction(db, () => {
    const before = getDocumentSettings(db);
    if (input.separateSequences && !before.separateSequences) {
      const clash = sharedPatterns(getTemplates(db));
      if (clash) {
        throw fieldError(
          'separateSequences',
          `Nomor urut per jenis tidak dapat dipakai: ${clash} memakai pola nomor yang sama, sehingga nomornya akan bentrok. Bedakan dulu pola nomornya.`,
        );
      }
    }
    const folderRefused = folderProblem(input.verificationFolder);
    if (folderRefused) throw fieldError('verificationFolder', folderRefused);
    if (input.separateSequences !== before.separateSequences)
      alignSequences(db, input.separateSequences, DOCUMENT_KINDS);
    const after = db.update(documentSettings).set(input).where(eq(documentSettings.id, 1)).returning().get();
    writeAudit(db, actor, {
      action: 'update',
      entity: 'document_settings',
      entityId: 1,
      summary: 'Pengaturan dokumen diubah',
      before,
      after,
    });
    return after;
  });
}

function activeSignatory(db: Db, id: number | null, field: string): Signatory | null {
  if (id === null) return null;
  const row = db.select().from(signatories).where(eq(signatories.id, id)).get();
  if (!row) throw fieldError(field, 'Penandatangan tidak ditemukan.');
  if (!row.active) throw fieldError(field, `${row.name} sudah tidak aktif sebagai penandatangan.`);
  return row;
}

export function saveTemplate(db: Db, actor: Actor, input: TemplateInput): DocumentTemplate {
  requireRole(actor, DOCUMENT_DUTIES.settings);
  if (!input.numberPattern.includes('{tahun}')) {
    throw fieldError(
      'numberPattern',
      'Pola nomor surat harus memuat {tahun}: nomor urut mulai lagi dari 1 setiap tahun, tanpa tahun nomornya akan berulang.',
    );
  }
  return inTransaction(db, () => {
    const before = getTemplate(db, input.kind);
    activeSignatory(db, input.signatoryId, 'signatoryId');
    if (getDocumentSettings(db).separateSequences) {
      const other = getTemplates(db).find((t) => t.kind !== input.kind && t.numberPattern === input.numberPattern);
      if (other) {
        throw fieldError(
          'numberPattern',
          `Pola nomor ini sudah dipakai ${DOCUMENT_KIND_LABEL[other.kind]}; dengan nomor urut per jenis nomornya akan bentrok. Bedakan polanya (mis. kode jenis surat).`,
        );
      }
    }
    const after = db
      .update(documentTemplates)
      .set({
        ...input,
        nikDisplay: input.nikDisplay ?? before.nikDisplay,
        bodyAlamiah: input.bodyAlamiah ?? before.bodyAlamiah,
        version: before.version + 1,
        updatedAt: new Date().toISOString(),
        updatedByName: actor.username,
      })
      .where(eq(documentTemplates.kind, input.kind))
      .returning()
      .get();
    writeAudit(db, actor, {
      action: 'update',
      entity: 'document_template',
      entityId: null,
      summary: `Templat ${DOCUMENT_KIND_LABEL[input.kind]} diubah (versi ${after.version})`,
      before,
      after,
    });
    return after;
  });
}

export function saveSignatory(db: Db, actor: Actor, input: SignatoryInput): Signatory {
  requireRole(actor, DOCUMENT_DUTIES.settings);
  const { id, ...values } = input;
  return inTransaction(db, () => {
    const before = id ? db.select().from(signatories).where(eq(signatories.id, id)).get() : undefined;
    if (id && !before) throw new AppError('NOT_FOUND', 'Penandatangan tidak ditemukan.');
    if (before && !values.active) {
      const uses = getTemplates(db).filter((t) => t.signatoryId === before.id);
      if (uses.length > 0) {
        throw fieldError(
          'active',
          `${before.name} adalah penandatangan bawaan ${uses.map((t) => DOCUMENT_KIND_LABEL[t.kind]).join(', ')}. Pilih penandatangan lain untuk jenis itu dulu.`,
        );
      }
    }
    const after = before
      ? db.update(signatories).set(values).where(eq(signatories.id, before.id)).returning().get()
      : db.insert(signatories).values(values).returning().get();
    const verb = !before ? 'ditambahkan' : before.active && !after.active ? 'dinonaktifkan' : 'diubah';
    writeAudit(db, actor, {
      action: before ? 'update' : 'create',
      entity: 'signatory',
      entityId: after.id,
      summary: `Penandatangan ${after.name} ${verb}`,
      before: before ?? null,
      after,
    });
    return after;
  });
}
