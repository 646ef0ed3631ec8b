/**
 * Handover: approved awards become handed_over with their berita acara serah terima
 * (BAST), one per award, numbered and signed by the documents machinery in the SAME write transaction as the
 * stage change and the audit: every award of a ceremony with its BAST, or nothing. Then all BASTs render
 * into one PDF. The daftar penerima lists a handover day's families with a column to sign in.
 */

import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  handoverAwardRows,
  type RecipientSource,
  recipientSources,
  setAwardHandedOver,
} from '../../../db/queries/award-stages';
import { type AwardProgram, awardPrograms } from '../../../db/schema';
import type { HandoverInput } from '../../domain/awards';
import { AWARD_DUTIES, DOCUMENT_DUTIES } from '../../domain/duties';
import { AppError } from '../../domain/errors';
import { formatTanggal } from '../../domain/format';
import { parseNip } from '../../domain/identity';
import type { RecipientRow } from '../../domain/printed-document';
import { type Actor, requireRole } from '../actor';
import { writeAudit } from '../audit';
import { letterContext } from '../documents/context';
import { insertDocuments, issueDate } from '../documents/issue';
import { logDocuments } from '../documents/log';
import { inWriteTransaction } from '../documents/numbering';
import { pdfFileName, renderPdf } from '../documents/pdf';
import type { PdfFile } from '../documents/types';
import { pastDate } from '../graduation/checked-input';
import { bastDraft, type HandoverAward, type HandoverFacts, linesOf, packageText, recipientsDraft } from './bast-draft';
import { requireAwardsHandable } from './stages';

/** Staff who hand over (the planners); approval was the pimpinan's. */

const refuse = (field: string, message: string): never => {
  throw new AppError('INVALID_INPUT', message, { fields: { [field]: message } });
};

/** The awards with their family's name, in the order asked. */
function awardsOf(db: Db, ids: number[]): HandoverAward[] {
  const rows = handoverAwardRows(db, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id) ?? refuse('awardIds', `Bantuan nomor ${id} tidak ditemukan.`));
}

function programOf(db: Db, programId: number): AwardProgram {
  const program = db.select().from(awardPrograms).where(eq(awardPrograms.id, programId)).get();
  if (!program) throw new AppError('NOT_FOUND', 'Program bantuan tidak ditemukan.');
  return program;
}

/**
 * Beyond the stage rules (requireAwardsHandable: approved, not replaced by a correction, programme open):
 * handed over on or after its approval, and one programme per ceremony.
 */
function checkAwards(awards: HandoverAward[], date: string): void {
  for (const award of awards) {
    const approved = award.approvedAt?.slice(0, 10) ?? '';
    if (date < approved) {
      refuse(
        'handoverDate',
        `Tanggal serah terima ${formatTanggal(date)} sebelum bantuan untuk ${award.nama} disetujui (${formatTanggal(approved)}).`,
      );
    }
  }
  if (new Set(awards.map((a) => a.programId)).size > 1) {
    refuse('awardIds', 'Satu serah terima hanya untuk bantuan dari satu program; serahkan program lain tersendiri.');
  }
}

/** What the form entered, checked beyond its schema: the date, the officer's NIP, the representative. */
function factsOf(input: HandoverInput, count: number): HandoverFacts {
  const date = pastDate('Tanggal serah terima', input.handoverDate, 'handoverDate');
  const nip = input.officerNip.trim();
  if (nip) {
    const parsed = parseNip(nip);
    if (!parsed.ok) refuse('officerNip', `NIP petugas: ${parsed.message}`);
  }
  if (input.representative && count > 1) {
    refuse(
      'representative',
      'Penerima yang mewakili hanya dapat dicatat untuk satu bantuan; bantuan lain diterima oleh pengurusnya masing-masing.',
    );
  }
  return {
    date,
    place: input.place,
    officer: { name: input.officerName, nip: nip.replace(/\s/g, ''), position: input.officerPosition },
    representative: input.representative,
    witnesses: input.witnesses,
  };
}

/** Marks the award handed over with its BAST, and audits it. */
function markHandedOver(
  db: Db,
  actor: Actor,
  award: HandoverAward,
  facts: HandoverFacts,
  bast: { id: number; number: string },
) {
  const receiver = facts.representative ?? { name: award.nama, relationship: 'pengurus' };
  const changed = setAwardHandedOver(
    db,
    award.id,
    { from: 'approved', to: 'handed_over' },
    {
      handoverDate: facts.date,
      handoverPlace: facts.place,
      receiverName: receiver.name,
      receiverRelationship: receiver.relationship,
      witnesses: JSON.stringify(facts.witnesses),
      bastDocumentId: bast.id,
      handedOverBy: actor.id,
      handedOverByName: actor.username,
    },
  );
  if (changed !== 1) throw new AppError('CONFLICT', `Bantuan untuk ${award.nama} baru saja diubah pengguna lain.`);
  writeAudit(db, actor, {
    action: 'handover',
    entity: 'award',
    entityId: award.id,
    summary: `Bantuan untuk ${award.nama} diserahkan ${formatTanggal(facts.date)} di ${facts.place} (BAST ${bast.number})`,
    before: { stage: 'approved' },
    after: { stage: 'handed_over', handoverDate: facts.date, receiver, bastNumber: bast.number },
  });
}

/** Hands the awards over: each with its BAST, all or none; returns the BASTs as one PDF. */
export async function handOver(
  db: Db,
  actor: Actor,
  input: HandoverInput,
): Promise<{ handedOver: number; pdf: PdfFile }> {
  requireRole(actor, AWARD_DUTIES.handOver);
  const ids = [...new Set(input.awardIds)];
  const facts = factsOf(input, ids.length);
  const { program, issued } = inWriteTransaction(db, () => {
    requireAwardsHandable(db, ids);
    const awards = awardsOf(db, ids);
    checkAwards(awards, facts.date);
    const program = programOf(db, awards[0].programId);
    const ctx = letterContext(db, 'bast', facts.date, input.signatoryId);
    const lines = linesOf(db, ids);
    const drafts = awards.map((a) => bastDraft(db, ctx, program, a, lines.get(a.id) ?? [], facts));
    const issued = insertDocuments(db, actor, drafts);
    for (const [i, award] of awards.entries()) markHandedOver(db, actor, award, facts, issued[i]);
    return { program, issued };
  });
  const fileName =
    issued.length === 1
      ? pdfFileName('bast', issued[0].subject, issued[0].number)
      : pdfFileName('bast', program.name, facts.date);
  const pdf = await renderPdf(
    issued.map((r) => r.data),
    fileName,
  );
  return { handedOver: issued.length, pdf: logDocuments(db, actor, 'awards.handover', issued, pdf) };
}

/** The programme's awards handed over on the date, else the approved ones still to be handed over. */
function recipientsOf(db: Db, programId: number, date: string): (RecipientSource & { packageText: string })[] {
  const handed = recipientSources(db, programId, 'handed_over', date);
  const rows = handed.length > 0 ? handed : recipientSources(db, programId, 'approved');
  const lines = linesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, packageText: packageText(lines.get(r.id) ?? [], r.cash) }));
}

/** Issues the daftar penerima of a handover day (a numbered document in the register) and returns its PDF. */
export async function recipientsList(db: Db, actor: Actor, programId: number, handoverDate?: string): Promise<PdfFile> {
  requireRole(actor, DOCUMENT_DUTIES.issue);
  const date = issueDate(handoverDate);
  const row = inWriteTransaction(db, () => {
    const program = programOf(db, programId);
    const sources = recipientsOf(db, programId, date);
    if (sources.length === 0) {
      throw new AppError(
        'CONFLICT',
        `Belum ada bantuan ${program.name} yang disetujui atau diserahkan tanggal ${formatTanggal(date)}; daftar penerima belum dapat dibuat.`,
      );
    }
    const places = [...new Set(sources.flatMap((s) => (s.place ? [s.place] : [])))];
    const rows: RecipientRow[] = sources.map(({ nama, nik, desa, kecamatan, packageText, total, note }) => ({
      nama,
      nik,
      desa,
      kecamatan,
      packageText,
      total,
      note,
    }));
    const ctx = letterContext(db, 'daftar_penerima', date);
    return insertDocuments(db, actor, [recipientsDraft(ctx, program, rows, places)])[0];
  });
  const pdf = await renderPdf([row.data], pdfFileName('daftar_penerima', row.subject, row.number));
  return logDocuments(db, actor, 'awards.recipientsList', [row], pdf);
}
