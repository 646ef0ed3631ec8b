/**
 * The family page's facts in its two cards, as a list of the family fields (field-views.ts): the fields it
 * shows in its own way (monospace numbers, names for codes, the birth place and date in one row, the place and
 * the pendamping by name); every other field is its label and its value on the identity card, so a new field
 * in fields.ts shows there by itself.
 */
import { Anchor, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { OutputOf } from '../../../main/api/contract';
import { type FieldView, fieldText, viewRows } from '../../../main/domain/field-views';
import { KPM_FIELDS } from '../../../main/domain/fields';
import { formatTanggal } from '../../../main/domain/format';
import { KOMPONEN_LABEL } from '../../../main/domain/komponen';
import { SEX_LABEL, StatusBadge } from './labels';
import { IdKpmText } from './MissingIdKpm';

type KpmDetail = OutputOf<'kpm.get'>;

export interface DetailRow {
  card: 'identity' | 'address';
  label: string;
  value: ReactNode;
}

const identity = (label: string, value: ReactNode): DetailRow => ({ card: 'identity', label, value });
const address = (label: string, value: ReactNode): DetailRow => ({ card: 'address', label, value });
const mono = (key: string, value: ReactNode) => (
  <Text key={key} span ff="monospace" inherit>
    {value}
  </Text>
);

function pendampingLink(detail: KpmDetail): ReactNode {
  const { kpm } = detail;
  if (detail.pendampingName && kpm.pendampingId) {
    return (
      <Anchor key="pendamping" component={Link} to={`/kpm?pendamping=${kpm.pendampingId}`} size="sm">
        {detail.pendampingName}
      </Anchor>
    );
  }
  return (
    <Text key="pendamping" span c="orange.8" size="sm">
      Belum ada pendamping
    </Text>
  );
}

function statusFacts(detail: KpmDetail): ReactNode {
  const { kpm } = detail;
  const note =
    kpm.status !== 'aktif'
      ? [detail.exitTypeName, kpm.statusReason, formatTanggal(kpm.statusDate)].filter(Boolean).join(' · ')
      : '';
  return (
    <Stack key="Status" gap={2} align="flex-start">
      <StatusBadge status={kpm.status} />
      {note && <Text size="xs">{note}</Text>}
    </Stack>
  );
}

function detailView(detail: KpmDetail, regencyName: string): FieldView<DetailRow> {
  const { kpm } = detail;
  return {
    idKpm: [identity(KPM_FIELDS.idKpm.label, <IdKpmText key="ID KPM" idKpm={kpm.idKpm} />)],
    noKk: [identity(KPM_FIELDS.noKk.label, mono('No. KK', kpm.noKk))],
    nik: [identity('NIK', mono('NIK', kpm.nik))],
    tempatLahir: [
      identity('Tempat, tgl. lahir', [kpm.tempatLahir, formatTanggal(kpm.tanggalLahir)].filter(Boolean).join(', ')),
    ],
    tanggalLahir: [],
    jenisKelamin: [identity(KPM_FIELDS.jenisKelamin.label, SEX_LABEL[kpm.jenisKelamin])],
    komponen: [identity(KPM_FIELDS.komponen.label, kpm.komponen ? KOMPONEN_LABEL[kpm.komponen] : null)],
    phone: [identity('Telepon', kpm.phone)],
    alamat: [address(KPM_FIELDS.alamat.label, kpm.alamat)],
    rt: [address('RT/RW', kpm.rt || kpm.rw ? `RT ${kpm.rt || '–'} / RW ${kpm.rw || '–'}` : null)],
    rw: [],
    districtCode: [
      address(KPM_FIELDS.villageCode.label, detail.villageName),
      address(KPM_FIELDS.districtCode.label, detail.districtName),
      address('Kabupaten/kota', regencyName),
    ],
    villageCode: [],
    pendampingId: [address(KPM_FIELDS.pendampingId.label, pendampingLink(detail))],
    status: [address(KPM_FIELDS.status.label, statusFacts(detail))],
    statusReason: [],
    statusDate: [],
    notes: [address(KPM_FIELDS.notes.label, kpm.notes)],
    members: [],
  };
}

/** The facts of both cards in order; each card takes its own. */
export function detailRows(detail: KpmDetail, regencyName: string): DetailRow[] {
  const values = detail.kpm as Record<string, unknown>;
  return viewRows(detailView(detail, regencyName), (key, spec) => identity(spec.label, fieldText(spec, values[key])));
}
