/**
 * The snapshots of the award documents, built from the database for the documents machinery
 * (main/services/documents): the berita acara serah terima of one award (the family as registered, the lines
 * at the price they were given at, the officer and witnesses of the handover) and the daftar penerima of a
 * handover day. Stored with the document, so a reprint is the BAST as signed.
 */
import type { Db } from '../../../db/open';
import type { HandoverAwardRow } from '../../../db/queries/award-stages';
import { awardLineRows } from '../../../db/queries/awards';
import type { AwardProgram } from '../../../db/schema';
import { FUNDING_SOURCE_LABEL } from '../../domain/awards';
import { programPhrase } from '../../domain/documents';
import { formatHari, formatNumber, formatRupiah, formatTanggal } from '../../domain/format';
import type { Handover, HandoverItem, RecipientRow } from '../../domain/printed-document';
import { terbilangRupiah } from '../../domain/terbilang';
import type { LetterContext } from '../documents/context';
import { contextParts, type DocumentDraft, fillTexts, identityOf, loadFamily, printedNik } from '../documents/snapshot';

/** An award as the handover reads it. */
export type HandoverAward = HandoverAwardRow;

/** What the officer enters for a handover (the same for every award of a ceremony). */
export interface HandoverFacts {
  date: string;
  place: string;
  officer: { name: string; nip: string; position: string };
  representative: { name: string; relationship: string } | null;
  witnesses: { name: string; position: string }[];
}

/** 'APBD', 'CSR PT Sinar Contoh', or the sponsor of 'lainnya'. */
export function fundingText(program: AwardProgram): string {
  if (program.fundingSource === 'lainnya') return program.sponsorName || FUNDING_SOURCE_LABEL.lainnya;
  return [program.fundingSource, program.sponsorName].filter(Boolean).join(' ');
}

/** 'Dinas Sosial Kota Pekalongan' (the regency is added unless the agency's name already holds it). */
export function officeName(ctx: LetterContext): string {
  const { agencyName, regencyName } = ctx.office;
  return agencyName.toLowerCase().includes(regencyName.toLowerCase()) ? agencyName : `${agencyName} ${regencyName}`;
}

/** The lines of the awards, in order, by award id (one query for a whole ceremony). */
export function linesOf(db: Db, awardIds: number[]): Map<number, HandoverItem[]> {
  const rows = awardLineRows(db, awardIds);
  const byAward = new Map<number, HandoverItem[]>();
  for (const { awardId, ...item } of rows) byAward.set(awardId, [...(byAward.get(awardId) ?? []), item]);
  return byAward;
}

/** '1 unit Etalase kaca; 2 unit Kompor gas; uang tunai Rp1.000.000' */
export function packageText(items: HandoverItem[], cash: number): string {
  const goods = items.map((i) => `${formatNumber(i.quantity)} ${i.unit} ${i.name}`);
  return [...goods, ...(cash > 0 ? [`uang tunai ${formatRupiah(cash)}`] : [])].join('; ');
}

/** The values every award document's template may use. */
function programValues(ctx: LetterContext, program: AwardProgram, date: string, place: string) {
  return {
    nama_program: program.name,
    program_bantuan: programPhrase(program.name, program.year),
    tahun: String(program.year),
    sumber_dana: fundingText(program),
    tanggal_serah: formatTanggal(date),
    hari_serah: formatHari(date),
    tempat: place,
    ...ctx.officeValues,
  };
}

/** The berita acara of one award. */
export function bastDraft(
  db: Db,
  ctx: LetterContext,
  program: AwardProgram,
  award: HandoverAward,
  items: HandoverItem[],
  facts: HandoverFacts,
): DocumentDraft {
  const registered = identityOf(loadFamily(db, award.kpmId, null));
  const family = { ...registered, nik: printedNik(ctx, registered.nik) };
  const handover: Handover = {
    firstParty: { ...facts.officer, office: officeName(ctx), address: ctx.office.address },
    representative: facts.representative,
    programName: program.name,
    businessType: award.businessType,
    items,
    cash: award.cash,
    total: award.total,
    totalWords: terbilangRupiah(award.total),
    witnesses: facts.witnesses,
  };
  const values: Record<string, string> = {
    ...programValues(ctx, program, facts.date, facts.place),
    nama: family.nama,
    nik: family.nik,
    desa: family.desa,
    kecamatan: family.kecamatan,
    jenis_usaha: award.businessType,
    jumlah: formatRupiah(award.total),
    terbilang: handover.totalWords,
  };
  return {
    printed: { ...contextParts(ctx), ...fillTexts(ctx, values), family, handover },
    subject: family.nama,
    kpmId: award.kpmId,
    proposalId: null,
    decisionId: null,
  };
}

/** The daftar penerima of a handover day (or of the approved awards still to be handed over). */
export function recipientsDraft(
  ctx: LetterContext,
  program: AwardProgram,
  rows: RecipientRow[],
  places: string[],
): DocumentDraft {
  const total = rows.reduce((sum, r) => sum + r.total, 0);
  const values: Record<string, string> = {
    ...programValues(ctx, program, ctx.issuedDate, places.join(', ') || '........................'),
    jumlah: `${formatNumber(rows.length)} KPM`,
    terbilang: terbilangRupiah(total),
  };
  return {
    printed: {
      ...contextParts(ctx),
      ...fillTexts(ctx, values),
      recipients: { heading: [], rows, total, totalWords: terbilangRupiah(total) },
    },
    subject: `Daftar penerima ${program.name} ${formatTanggal(ctx.issuedDate)}`,
    kpmId: null,
    proposalId: null,
    decisionId: null,
  };
}
