/**
 * The snapshot an issued document prints (PrintedDocument), built from the database: the family as registered
 * (names exactly as stored, nothing retyped), its graduation and the decree it rests on, the witnesses, and the
 * template's texts filled in. Stored with the document, so a reprint is the same letter whatever changes later.
 */
import type { Db } from '../../../db/open';
import { type FamilyRow, familyRow, statementWitnesses } from '../../../db/queries/documents';
import { fillTemplate } from '../../domain/documents';
import { AppError } from '../../domain/errors';
import { formatTanggal } from '../../domain/format';
import {
  CANDIDATE_KIND_LABEL,
  type CandidateKind,
  MANDIRI_REASON_LABEL,
  type MandiriReason,
} from '../../domain/graduation';
import { maskNik } from '../../domain/identity';
import type { FamilyIdentity, PrintedDocument, Witnesses } from '../../domain/printed-document';
import type { LetterContext } from './context';
import type { Candidacy } from './eligibility';

/** A document before its number and signed code (taken when it is written to the register). */
export type LetterDraft = Omit<PrintedDocument, 'number' | 'verificationCode'>;

/** A draft with what the register keeps beside it. */
export interface DocumentDraft {
  printed: LetterDraft;
  subject: string;
  kpmId: number | null;
  proposalId: number | null;
  decisionId: number | null;
}

/** The family's identity with the names of its desa, kecamatan, kabupaten/kota and provinsi. */
export function loadFamily(db: Db, kpmId: number, pendampingId: number | null): FamilyRow {
  const row = familyRow(db, kpmId, pendampingId);
  if (!row) throw new AppError('NOT_FOUND', 'KPM tidak ditemukan.');
  return row;
}

export function identityOf(row: FamilyRow): FamilyIdentity {
  const { nama, nik, noKk, idKpm, alamat, rt, rw, desa, kecamatan, kabupaten, provinsi } = row;
  return { nama, nik, noKk, idKpm, alamat, rt, rw, desa, kecamatan, kabupaten, provinsi };
}

/** The NIK as the kind prints it (its template's setting); the snapshot keeps it, so a reprint prints the same. */
export const printedNik = (ctx: LetterContext, nik: string) =>
  ctx.template.nikDisplay === 'disamarkan' ? maskNik(nik) : nik;

/** Kemendagri village codes: the 7th digit is 1 for a kelurahan (headed by a Lurah), 2 for a desa. */
export const villageHeadTitle = (villageCode: string) => (villageCode.charAt(6) === '1' ? 'Lurah' : 'Kepala Desa');

const reasonLabels = (codes: string[]) =>
  codes.flatMap((code) => (code in MANDIRI_REASON_LABEL ? [MANDIRI_REASON_LABEL[code as MandiriReason]] : []));

/** 'Mengetahui' on the surat pernyataan: the witnesses recorded with the signed statement, else the pendamping. */
function witnessesOf(db: Db, family: FamilyRow, candidacy: Candidacy): Witnesses {
  const statement = statementWitnesses(db, candidacy.candidateId);
  const registered = family.pendampingName ?? '';
  const name = statement?.witnessPendamping || registered;
  // The NIP is the registered pendamping's: printed only beside that same name, never beside another witness.
  const same = name.trim().toLowerCase() === registered.trim().toLowerCase();
  return {
    pendampingName: name,
    pendampingNip: same ? (family.pendampingNip ?? '') : '',
    kepalaDesaName: statement?.witnessKepalaDesa ?? '',
    kepalaDesaTitle: villageHeadTitle(family.villageCode),
  };
}

/** Fills the template's four texts. */
export function fillTexts(ctx: LetterContext, values: Record<string, string>, graduation?: CandidateKind) {
  const { title, opening, closing } = ctx.template;
  // A graduasi alamiah is the end of eligibility, not an achievement: the kind's own wording when it has one.
  const body = graduation === 'alamiah' && ctx.template.bodyAlamiah ? ctx.template.bodyAlamiah : ctx.template.body;
  return {
    title: fillTemplate(title, values),
    opening: fillTemplate(opening, values),
    body: fillTemplate(body, values),
    closing: fillTemplate(closing, values),
  };
}

/** What every kind's snapshot takes from the letter context. */
export const contextParts = (ctx: LetterContext) => ({
  kind: ctx.kind,
  issuedDate: ctx.issuedDate,
  paper: ctx.paper,
  templateVersion: ctx.template.version,
  kop: ctx.kop,
  signature: ctx.signature,
});

/** The draft of a family document (sk_graduasi, pernyataan_mandiri, piagam) for an eligible family. */
export function familyDraft(db: Db, ctx: LetterContext, kpmId: number, candidacy: Candidacy): DocumentDraft {
  const family = loadFamily(db, kpmId, candidacy.pendampingId);
  const identity = { ...identityOf(family), nik: printedNik(ctx, family.nik) };
  const typeLabel = CANDIDATE_KIND_LABEL[candidacy.kind];
  const reasons = candidacy.kind === 'mandiri' ? reasonLabels(candidacy.reasons) : [];
  const values: Record<string, string> = {
    nama: identity.nama,
    nik: identity.nik,
    no_kk: identity.noKk,
    id_kpm: identity.idKpm,
    alamat: identity.alamat,
    rt: identity.rt,
    rw: identity.rw,
    desa: identity.desa,
    kecamatan: identity.kecamatan,
    kabupaten: identity.kabupaten,
    provinsi: identity.provinsi,
    jenis_graduasi: typeLabel.toLowerCase(),
    tanggal_graduasi: formatTanggal(candidacy.statusDate),
    tahun_graduasi: candidacy.statusDate.slice(0, 4),
    nomor_sk: candidacy.skNumber,
    tanggal_sk: formatTanggal(candidacy.skDate),
    alasan: reasons.map((r) => r.toLowerCase()).join(', '),
    nama_pendamping: family.pendampingName ?? '',
    ...ctx.officeValues,
  };
  const printed: LetterDraft = {
    ...contextParts(ctx),
    ...fillTexts(ctx, values, candidacy.kind),
    family: identity,
    graduation: {
      type: typeLabel,
      date: candidacy.statusDate,
      skNumber: candidacy.skNumber,
      skDate: candidacy.skDate,
      reasons,
    },
    ...(ctx.kind === 'pernyataan_mandiri' ? { witnesses: witnessesOf(db, family, candidacy) } : {}),
  };
  return { printed, subject: identity.nama, kpmId, proposalId: null, decisionId: candidacy.decisionId };
}
