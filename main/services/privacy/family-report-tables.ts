/**
 * Everything the office stores about one family, as the tables of the family data report (UU PDP: a family
 * that asks is told what is kept about it). One function per part, each reading its own tables; the values
 * are formatted text, so the PDF layout decides nothing.
 */
import type { Db } from '../../../db/open';
import {
  familyAssessments,
  familyAudit,
  familyAwardLines,
  familyAwards,
  familyCandidacies,
  familyDocuments,
  familyProposalItems,
  familyStatements,
  familyVisits,
  pendampingContact,
} from '../../../db/queries/family-report';
import type { PrintedReportTable } from '../../documents/report';
import { AWARD_STAGE_LABEL } from '../../domain/awards';
import { DOCUMENT_KIND_LABEL } from '../../domain/documents';
import { HUBUNGAN_LABEL, STATUS_LABEL } from '../../domain/enums';
import { type FieldView, fieldText, viewRows } from '../../domain/field-views';
import { formatRupiah, formatTanggal, formatWaktu } from '../../domain/format';
import {
  CANDIDATE_KIND_LABEL,
  CANDIDATE_STAGE_LABEL,
  ITEM_DECISION_LABEL,
  type ItemDecision,
  PROPOSAL_STATUS_LABEL,
  RECOMMENDATION_LABEL,
} from '../../domain/graduation';
import { KOMPONEN_LABEL } from '../../domain/komponen';
import { READ_ACTIONS } from '../audit';
import type { KpmDetail } from '../kpm';

type Column = PrintedReportTable['columns'][number];
const text = (label: string, wide = false): Column => ({ label, align: 'left', noWrap: false, wide });
const code = (label: string): Column => ({ label, align: 'left', noWrap: true, wide: false });
const money = (label: string): Column => ({ label, align: 'right', noWrap: true, wide: false });

const SEX_LABEL = { L: 'Laki-laki', P: 'Perempuan' } as const;
const yesNo = (value: number | null) => (value === null ? '' : value ? 'Ya' : 'Tidak');

/**
 * The family's own fields as the report prints them (fields.ts's order): the fields it prints in its own way;
 * every other field is its label and its value, '-' when empty. The pendamping follows the status.
 */
function familyView(db: Db, detail: KpmDetail): FieldView<[string, string]> {
  const k = detail.kpm;
  const p = k.pendampingId ? pendampingContact(db, k.pendampingId) : undefined;
  const status = [STATUS_LABEL[k.status], detail.exitTypeName, k.statusReason, formatTanggal(k.statusDate)]
    .filter(Boolean)
    .join(', ');
  const pendamping = [detail.pendampingName, p?.nip ? `NIP ${p.nip}` : '', p?.phone].filter(Boolean).join(', ');
  return {
    noKk: [['Nomor KK', k.noKk]],
    tempatLahir: [['Tempat, tanggal lahir', [k.tempatLahir, formatTanggal(k.tanggalLahir)].filter(Boolean).join(', ')]],
    tanggalLahir: [],
    jenisKelamin: [['Jenis kelamin', SEX_LABEL[k.jenisKelamin]]],
    komponen: [['Komponen', k.komponen ? KOMPONEN_LABEL[k.komponen] : '-']],
    alamat: [['Alamat', `${k.alamat} RT ${k.rt || '-'} / RW ${k.rw || '-'}`]],
    rt: [],
    rw: [],
    districtCode: [['Desa/kelurahan, kecamatan', `${detail.villageName}, ${detail.districtName}`]],
    villageCode: [],
    phone: [['Telepon', k.phone || '-']],
    tahunBergabung: [['Tahun bergabung PKH', k.tahunBergabung ? String(k.tahunBergabung) : '-']],
    pendampingId: [],
    status: [
      ['Status', status],
      ['Pendamping', pendamping || '-'],
    ],
    statusReason: [],
    statusDate: [],
    members: [],
  };
}

/** The family's own fields, its pendamping and its status. */
export function familyTable(db: Db, detail: KpmDetail): PrintedReportTable {
  const values = detail.kpm as Record<string, unknown>;
  const data: [string, string][] = [
    ...viewRows(familyView(db, detail), (key, spec): [string, string] => [
      spec.label,
      fieldText(spec, values[key]) || '-',
    ]),
    ['Didaftarkan', formatWaktu(detail.kpm.createdAt)],
    ['Terakhir diubah', formatWaktu(detail.kpm.updatedAt)],
  ];
  return { heading: 'Data keluarga', columns: [text('Data'), text('Isi', true)], rows: data };
}

export function membersTable(detail: KpmDetail): PrintedReportTable {
  return {
    heading: 'Anggota keluarga',
    columns: [
      code('NIK'),
      text('Nama', true),
      text('Hubungan'),
      code('Tanggal lahir'),
      text('Jenis kelamin'),
      text('Komponen'),
    ],
    rows: detail.members.map((m) => [
      m.nik ?? '-',
      m.nama,
      HUBUNGAN_LABEL[m.hubungan],
      formatTanggal(m.tanggalLahir),
      SEX_LABEL[m.jenisKelamin],
      m.komponen ? KOMPONEN_LABEL[m.komponen] : '-',
    ]),
  };
}

/** The family's audit rows: its changes, then who looked at or printed its personal data. */
export function historyTables(db: Db, kpmId: number): PrintedReportTable[] {
  const audit = familyAudit(db, kpmId);
  const columns = [code('Waktu'), text('Oleh'), text('Keterangan', true)];
  const line = (a: (typeof audit)[number]) => [formatWaktu(a.at), a.username, a.summary];
  return [
    {
      heading: 'Riwayat perubahan data',
      columns,
      rows: audit.filter((a) => !READ_ACTIONS.includes(a.action)).map(line),
    },
    {
      heading: 'Akses data pribadi (NIK ditampilkan, laporan dicetak)',
      columns,
      rows: audit.filter((a) => READ_ACTIONS.includes(a.action)).map(line),
    },
  ];
}

/** Candidacies, verification visits and signed statements. */
export function graduationTables(db: Db, kpmId: number): PrintedReportTable[] {
  const candidates = familyCandidacies(db, kpmId);
  const visits = familyAssessments(db, kpmId);
  const statements = familyStatements(db, kpmId);
  return [
    {
      heading: 'Calon graduasi',
      columns: [text('Jenis'), text('Tahap'), code('Dicatat'), text('Oleh'), text('Keterangan', true)],
      rows: candidates.map((c) => [
        CANDIDATE_KIND_LABEL[c.kind],
        CANDIDATE_STAGE_LABEL[c.stage],
        formatTanggal(c.createdAt),
        c.by,
        c.closed ?? '',
      ]),
    },
    {
      heading: 'Verifikasi (penilaian)',
      columns: [code('Tanggal kunjungan'), text('Verifikator', true), money('Skor'), text('Hasil')],
      rows: visits.map((v) => [formatTanggal(v.date), v.by, String(v.score), RECOMMENDATION_LABEL[v.rec]]),
    },
    {
      heading: 'Surat pernyataan graduasi mandiri',
      columns: [code('Tanggal'), text('Tempat'), text('Saksi pendamping', true), text('Saksi kepala desa/lurah', true)],
      rows: statements.map((s) => [formatTanggal(s.date), s.place, s.pendamping, s.kades]),
    },
  ];
}

export function proposalTable(db: Db, kpmId: number): PrintedReportTable {
  const items = familyProposalItems(db, kpmId);
  return {
    heading: 'Usulan dan keputusan',
    columns: [code('Nomor usulan'), text('Status'), text('Keputusan', true), code('Nomor SK'), code('Tanggal SK')],
    rows: items.map((i) => [
      i.number,
      PROPOSAL_STATUS_LABEL[i.status],
      [
        i.decision && ITEM_DECISION_LABEL[i.decision as ItemDecision].toLowerCase(),
        i.reason,
        i.reversed ? `dibatalkan: ${i.reversed}` : '',
      ]
        .filter(Boolean)
        .join(', '),
      i.sk ?? '',
      formatTanggal(i.skDate),
    ]),
  };
}

export function documentsTable(db: Db, kpmId: number): PrintedReportTable {
  const docs = familyDocuments(db, kpmId);
  return {
    heading: 'Dokumen yang diterbitkan',
    columns: [code('Nomor'), text('Jenis', true), code('Tanggal'), text('Keterangan')],
    rows: docs.map((d) => [
      d.number,
      DOCUMENT_KIND_LABEL[d.kind],
      formatTanggal(d.date),
      d.voided ? `Batal: ${d.voided}` : '',
    ]),
  };
}

/** Awards with their goods and the BAST of the handover. */
export function awardsTable(db: Db, kpmId: number): PrintedReportTable {
  const awards = familyAwards(db, kpmId);
  const lines = familyAwardLines(db, kpmId);
  const goods = (a: (typeof awards)[number]) =>
    [
      ...lines.filter((l) => l.awardId === a.id).map((l) => `${l.quantity} ${l.unit} ${l.item}`),
      a.cash > 0 ? `uang ${formatRupiah(a.cash)}` : '',
    ]
      .filter(Boolean)
      .join('; ');
  return {
    heading: 'Bantuan usaha',
    columns: [
      text('Program'),
      text('Tahap'),
      text('Paket', true),
      money('Nilai'),
      code('Serah terima'),
      code('Nomor BAST'),
    ],
    rows: awards.map((a) => [
      a.program,
      AWARD_STAGE_LABEL[a.stage],
      goods(a),
      formatRupiah(a.total),
      formatTanggal(a.handover),
      a.bast ?? '',
    ]),
  };
}

export function visitsTable(db: Db, kpmId: number): PrintedReportTable {
  const visits = familyVisits(db, kpmId);
  return {
    heading: 'Kunjungan pemantauan',
    columns: [code('Jatuh tempo'), code('Dikunjungi'), text('Petugas'), text('Usaha berjalan'), text('Catatan', true)],
    rows: visits.map((v) => [formatTanggal(v.due), formatTanggal(v.visited), v.by ?? '', yesNo(v.running), v.notes]),
  };
}
