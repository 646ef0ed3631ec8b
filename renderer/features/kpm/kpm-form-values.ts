import type { FormErrors, UseFormReturnType } from '@mantine/form';
import type { OutputOf } from '../../../main/api/contract';
import type { HUBUNGAN } from '../../../main/domain/enums';
import { NUMBER_FIELDS, type NumberField } from '../../../main/domain/fields';
import { parseNik } from '../../../main/domain/identity';
import type { Komponen } from '../../../main/domain/komponen';
import { komponenAgeWarnings } from '../../../main/domain/komponen-rules';
import { type KpmFormValues as KpmInputValues, kpmSchema } from '../../../main/domain/schemas';
import { zodValidate } from '../shared/errors';

type Kpm = OutputOf<'kpm.get'>['kpm'];
type Art = OutputOf<'kpm.get'>['members'][number];

type Sex = 'L' | 'P';
type Hubungan = (typeof HUBUNGAN)[number];

/** A member row as the inputs hold it: text everywhere, '' for empty. */
export interface MemberValues {
  id?: number;
  /** Stable React key for the row (rows can be removed from the middle). */
  key: string;
  nik: string;
  nisn: string;
  nama: string;
  hubungan: Hubungan | '';
  tanggalLahir: string;
  jenisKelamin: Sex;
  komponen: Komponen | '';
}

/** The number fields as typed: the text goes to the schema, whose check gives the form's message. */
type NumberValues = Record<NumberField, string>;
const numberValues = (of: (key: NumberField) => number | null | undefined) =>
  Object.fromEntries(NUMBER_FIELDS.map((key) => [key, String(of(key) ?? '')])) as NumberValues;

export interface KpmFormValues extends NumberValues {
  idKpm: string;
  idDtks: string;
  noKk: string;
  nik: string;
  nama: string;
  tempatLahir: string;
  tanggalLahir: string;
  jenisKelamin: Sex;
  komponen: Komponen | null;
  alamat: string;
  rt: string;
  rw: string;
  districtCode: string | null;
  villageCode: string | null;
  phone: string;
  tahunBergabung: number | string;
  pendampingId: string | null;
  notes: string;
  members: MemberValues[];
}

let keySeq = 0;
const newKey = () => `m${++keySeq}`;

export function emptyMember(): MemberValues {
  return {
    key: newKey(),
    nik: '',
    nisn: '',
    nama: '',
    hubungan: '',
    tanggalLahir: '',
    jenisKelamin: 'L',
    komponen: '',
  };
}

export const emptyKpm: KpmFormValues = {
  idKpm: '',
  idDtks: '',
  noKk: '',
  nik: '',
  nama: '',
  tempatLahir: '',
  tanggalLahir: '',
  jenisKelamin: 'P',
  komponen: null,
  alamat: '',
  rt: '',
  rw: '',
  districtCode: null,
  villageCode: null,
  phone: '',
  tahunBergabung: '',
  pendampingId: null,
  notes: '',
  ...numberValues(() => null),
  members: [],
};

export function fromDetail(kpm: Kpm, members: Art[]): KpmFormValues {
  return {
    idKpm: kpm.idKpm ?? '',
    idDtks: kpm.idDtks ?? '',
    noKk: kpm.noKk,
    nik: kpm.nik,
    nama: kpm.nama,
    tempatLahir: kpm.tempatLahir,
    tanggalLahir: kpm.tanggalLahir ?? '',
    jenisKelamin: kpm.jenisKelamin,
    komponen: kpm.komponen,
    alamat: kpm.alamat,
    rt: kpm.rt,
    rw: kpm.rw,
    districtCode: kpm.districtCode,
    villageCode: kpm.villageCode,
    phone: kpm.phone,
    tahunBergabung: kpm.tahunBergabung ?? '',
    pendampingId: kpm.pendampingId === null ? null : String(kpm.pendampingId),
    notes: kpm.notes,
    ...numberValues((key) => kpm[key]),
    members: members.map((m) => ({
      id: m.id,
      key: newKey(),
      nik: m.nik ?? '',
      nisn: m.nisn ?? '',
      nama: m.nama,
      hubungan: m.hubungan,
      tanggalLahir: m.tanggalLahir ?? '',
      jenisKelamin: m.jenisKelamin,
      komponen: m.komponen ?? '',
    })),
  };
}

/** The form's text values -> the input of kpmSchema (the same schema the server checks). */
export function toKpmInput(v: KpmFormValues): KpmInputValues {
  return {
    ...v,
    idKpm: v.idKpm || null,
    idDtks: v.idDtks || null,
    tanggalLahir: v.tanggalLahir || null,
    districtCode: v.districtCode ?? '',
    villageCode: v.villageCode ?? '',
    tahunBergabung: v.tahunBergabung === '' ? null : Number(v.tahunBergabung),
    pendampingId: v.pendampingId ? Number(v.pendampingId) : null,
    ...Object.fromEntries(NUMBER_FIELDS.map((key) => [key, String(v[key]).trim() || null])),
    members: v.members.map(({ key: _key, ...m }) => ({
      ...m,
      nik: m.nik || null,
      nisn: m.nisn.trim() || null,
      // An empty choice is sent as is, so zod answers with its own message "Pilih hubungan ...".
      hubungan: m.hubungan as Hubungan,
      tanggalLahir: m.tanggalLahir || null,
      komponen: m.komponen || null,
    })),
  };
}

export const validateKpm: (values: KpmFormValues) => FormErrors = zodValidate(kpmSchema, toKpmInput);

/**
 * The NIK carries the birth date and sex: fill them in when still empty, which saves typing
 * and avoids the mismatch warnings that would follow.
 */
export function fillFromNik(
  nik: string,
  current: { tanggalLahir: string },
): { tanggalLahir: string; jenisKelamin: Sex } | null {
  if (current.tanggalLahir) return null;
  const parsed = parseNik(nik);
  return parsed.ok ? { tanggalLahir: parsed.value.birthDate, jenisKelamin: parsed.value.sex } : null;
}

export type KpmFormApi = UseFormReturnType<KpmFormValues, KpmFormValues, typeof validateKpm>;

/** Komponen that contradict the age typed beside them, for the fields while the form is filled in. */
export function liveKomponenWarnings(values: KpmFormValues, today: string) {
  return komponenAgeWarnings(
    {
      komponen: values.komponen,
      tanggalLahir: values.tanggalLahir || null,
      members: values.members.map((m) => ({ komponen: m.komponen || null, tanggalLahir: m.tanggalLahir || null })),
    },
    today,
  );
}
