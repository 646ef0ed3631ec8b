/**
 * What every letter of a kind shares on one issue date: the kop, the template's texts and version, the paper,
 * the signature block and the office's placeholder values. Loaded once per issue (or once per batch).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { type DocumentTemplate, type Office, signatories } from '../../../db/schema';
import type { DocumentKind, Paper } from '../../domain/documents';
import { AppError } from '../../domain/errors';
import type { Kop, Signature } from '../../domain/printed-document';
import { getDocumentSettings, getTemplate, headSignatory, requireOffice } from './settings';

export interface LetterContext {
  kind: DocumentKind;
  issuedDate: string;
  paper: Paper;
  template: DocumentTemplate;
  kop: Kop;
  signature: Signature;
  office: Office;
  /** {nama_dinas}, {nama_daerah}: the same in every kind. */
  officeValues: { nama_dinas: string; nama_daerah: string };
}

/** The kop from the office profile: 'PEMERINTAH KOTA PEKALONGAN' (the regency name says Kabupaten/Kota). */
export function buildKop(profile: Office, website: string): Kop {
  return {
    government: `PEMERINTAH ${profile.regencyName.toUpperCase()}`,
    agency: profile.agencyName.toUpperCase(),
    address: profile.address,
    phone: profile.phone,
    email: profile.email,
    website,
    logo: profile.logo,
  };
}

/** The place before the date: the setting, else the town ('Kota Pekalongan' -> 'Pekalongan'). */
export function signingPlace(settingsPlace: string, regencyName: string): string {
  return settingsPlace.trim() || regencyName.replace(/^(Kabupaten|Kota)\s+/i, '');
}

/**
 * The signature block. signatoryId undefined: the kind's default; null: the Kepala Dinas; a number: that
 * (active) signatory.
 */
function signatureOf(
  db: Db,
  profile: Office,
  template: DocumentTemplate,
  signatoryId: number | null | undefined,
): Omit<Signature, 'place' | 'date'> {
  const chosen = signatoryId === undefined ? template.signatoryId : signatoryId;
  if (chosen === null) return { onBehalfOf: '', ...headSignatory(profile) };
  const row = db.select().from(signatories).where(eq(signatories.id, chosen)).get();
  if (!row?.active) {
    const message = 'Penandatangan ini tidak ditemukan atau sudah tidak aktif; pilih penandatangan lain.';
    throw new AppError('INVALID_INPUT', message, { fields: { signatoryId: message } });
  }
  return { onBehalfOf: row.onBehalfOf, position: row.position, name: row.name, rank: row.rank, nip: row.nip };
}

export function letterContext(
  db: Db,
  kind: DocumentKind,
  issuedDate: string,
  signatoryId?: number | null,
): LetterContext {
  const profile = requireOffice(db);
  const settings = getDocumentSettings(db);
  const template = getTemplate(db, kind);
  return {
    kind,
    issuedDate,
    paper: settings.paper,
    template,
    kop: buildKop(profile, settings.website),
    signature: {
      place: signingPlace(settings.place, profile.regencyName),
      date: issuedDate,
      ...signatureOf(db, profile, template, signatoryId),
    },
    office: profile,
    officeValues: { nama_dinas: profile.agencyName, nama_daerah: profile.regencyName },
  };
}
