/**
 * A meeting for SIKS-NG: the nama kegiatan and uraian to copy into the ministry's form, and the participants with
 * NIK and No. KK as an .xlsx (text cells, so Excel never rounds them).
 */
import type { Db } from '../../../db/open';
import { meetingParticipants, meetingRecord } from '../../../db/queries/p2k2-reports';
import { AppError } from '../../domain/errors';
import { maskNik } from '../../domain/identity';
import { SIKS_NG_LIMITS } from '../../domain/p2k2';
import { ATTENDANCE_LABEL } from '../../domain/p2k2-labels';
import { fileNamePart } from '../file-names';
import { inlineRow, writeXlsx } from '../xlsx-writer';
import { activityDescription, activityName } from './siks-text';

export interface SiksDraft {
  meetingId: number;
  activityName: string;
  description: string;
  limits: typeof SIKS_NG_LIMITS;
  participants: number;
}

function recordOf(db: Db, meetingId: number) {
  const record = meetingRecord(db, meetingId);
  if (!record) throw new AppError('NOT_FOUND', `Pertemuan P2K2 nomor ${meetingId} tidak ditemukan.`);
  return record;
}

export function siksDraft(db: Db, meetingId: number): SiksDraft {
  const record = recordOf(db, meetingId);
  return {
    meetingId,
    activityName: activityName(record),
    description: activityDescription(record),
    limits: SIKS_NG_LIMITS,
    participants: record.members,
  };
}

/** The participants' file; NIK and No. KK masked unless the caller may see them in full (`fullNik`). */
export async function siksParticipantsXlsx(
  db: Db,
  meetingId: number,
  fullNik: boolean,
): Promise<{ fileName: string; base64: string; rows: number }> {
  const record = recordOf(db, meetingId);
  const people = meetingParticipants(db, meetingId);
  const shown = fullNik ? (nik: string) => nik : maskNik;
  const base64 = await writeXlsx((workbook) => {
    const sheet = workbook.addWorksheet('Peserta');
    sheet.columns = [
      { header: 'NO', width: 6 },
      { header: 'NIK', width: 20 },
      { header: 'NO KK', width: 20 },
      { header: 'ID KPM', width: 16 },
      { header: 'NAMA PENGURUS', width: 32 },
      { header: 'KEHADIRAN', width: 12 },
    ];
    sheet.getRow(1).font = { bold: true };
    people.forEach((p, i) => {
      sheet
        .addRow([
          i + 1,
          ...inlineRow([
            shown(p.nik),
            shown(p.noKk),
            p.idKpm ?? '',
            p.nama,
            p.status ? ATTENDANCE_LABEL[p.status].toUpperCase() : '',
          ]),
        ])
        .commit();
    });
    sheet.commit();
  });
  const name = fileNamePart(`${record.groupName}-${record.heldOn}`).slice(0, 60);
  return { fileName: `peserta-p2k2-${name}.xlsx`, base64, rows: people.length };
}
