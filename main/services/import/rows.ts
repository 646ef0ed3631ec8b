/**
 * Stage 3, row checks: every mapped cell of a data row normalised and checked, every problem recorded with
 * its row and column. What comes out is one RowResult per row, grouped into families by families.ts.
 */
import { checkInteger } from '../../domain/field-checks';
import { type FieldSpec, KPM_FIELDS, type KpmField, NUMBER_FIELDS, numberSpec } from '../../domain/fields';
import { parseNik } from '../../domain/identity';
import { IMPORT_FIELD_KEYS, type ImportField } from '../../domain/import-fields';
import {
  cleanText,
  type Normalized,
  normalizeHubungan,
  normalizeKomponen,
  normalizeName,
  normalizeNik,
  normalizeNoKk,
  normalizePhone,
  normalizeRtRw,
  normalizeSex,
  normalizeYear,
  personKey,
  splitRtRw,
  splitTempatTanggalLahir,
} from '../../domain/normalize';
import { type RegionSuggestion, RowCells, type RowResult } from './row-cells';
import type { FamilyValues, MemberRecord } from './types';
import type { SheetRow } from './xlsx-reader';

export { type CheckContext, layoutOf, problemMessage, type RegionSuggestion, type RowResult } from './row-cells';

/** A row without any of these is no data row. */
const KEY_FIELDS: ImportField[] = ['nik', 'noKk', 'idKpm', 'nama', 'artNik', 'artNama'];

/** The family fields read above in their own ways (identity numbers, names, codes, composites, numbers). */
const OWN_READERS: ReadonlySet<string> = new Set<KpmField>([
  'idKpm',
  'idDtks',
  'noKk',
  'nik',
  'nama',
  'tempatLahir',
  'tanggalLahir',
  'jenisKelamin',
  'komponen',
  'alamat',
  'rt',
  'rw',
  'phone',
  'tahunBergabung',
  ...NUMBER_FIELDS,
]);

/**
 * Every other family field with header names (fields.ts) is read as it is, by its kind: text by the form's text
 * check, a date by the date reader with the field's range. A field of another kind needs a reader of its own.
 */
const PLAIN_FIELDS = IMPORT_FIELD_KEYS.filter((key) => Object.hasOwn(KPM_FIELDS, key) && !OWN_READERS.has(key));
const kindOf = (key: ImportField): FieldSpec['kind'] => (KPM_FIELDS[key as KpmField] as FieldSpec).kind;
const PLAIN_TEXT_FIELDS = PLAIN_FIELDS.filter((key) => ['name', 'identifier', 'text'].includes(kindOf(key)));
const PLAIN_DATE_FIELDS = PLAIN_FIELDS.filter((key) => kindOf(key) === 'date');
for (const key of PLAIN_FIELDS) {
  if (!PLAIN_TEXT_FIELDS.includes(key) && !PLAIN_DATE_FIELDS.includes(key))
    throw new Error(`Kolom impor ${key} (jenis ${kindOf(key)}) belum punya pembaca di rows.ts.`);
}

export class RowChecker extends RowCells {
  private readonly pendampingRefs = new Map<string, { key: string; name: string } | null>();
  private readonly regionSuggestions = new Map<string, RegionSuggestion>();
  /** Checks one sheet row; null for blank rows, repeated header rows and rows without any key. */
  check(sheetRow: SheetRow): RowResult | null {
    if (!this.read(sheetRow)) return null;
    const r: RowResult = { row: sheetRow.row, family: {}, error: false };
    if (!KEY_FIELDS.some((f) => this.values[f] !== undefined)) {
      this.skippedRows++;
      this.problem(
        r.row,
        null,
        null,
        {
          code: 'ROW_NO_KEY',
          message: 'baris tidak berisi NIK, No. KK, ID KPM maupun nama; dilewati.',
          expected: 'baris data berisi NIK, No. KK atau ID KPM',
        },
        'warning',
      );
      return null;
    }
    this.checkIdentity(r);
    this.checkBirth(r);
    this.checkAddress(r);
    this.checkRegion(r);
    this.checkOther(r);
    const v = r.family;
    if (v.nik)
      this.nikWarnings(r.row, v.nik, v.tanggalLahir, v.jenisKelamin, v.districtCode, 'tanggalLahir', 'jenisKelamin');
    if (this.layout === 'keluarga_anggota') r.member = this.memberPart(r);
    else if (this.layout === 'anggota' && r.hubungan !== 'pengurus') r.nisn = this.memberNisn(r);
    else this.nisnNotKept(r);
    for (const key of Object.keys(v) as (keyof FamilyValues)[]) if (v[key] === undefined) delete v[key];
    return r;
  }

  /** ID KPM, ID DTKS, No. KK, NIK and name of the pengurus (or of the person, layout anggota). */
  private checkIdentity(r: RowResult): void {
    const v = r.family;
    v.idKpm = this.idText(r, 'idKpm');
    v.idDtks = this.idText(r, 'idDtks');
    if (this.has('noKk')) v.noKk = this.take(r, 'noKk', this.cell('noKk'), normalizeNoKk(this.cell('noKk')));
    if (this.has('nik')) v.nik = this.take(r, 'nik', this.cell('nik'), normalizeNik(this.cell('nik')));
    // Names are stored in capitals, as in the registry (createKpm does the same).
    v.nama = this.text(r, 'nama')?.toUpperCase();
  }

  /** Place and date of birth (also from one "tempat, tanggal lahir" column), sex and komponen. */
  private checkBirth(r: RowResult): void {
    const v = r.family;
    if (this.has('tempatTanggalLahir') && (!this.has('tempatLahir') || !this.has('tanggalLahir'))) {
      const raw = this.cell('tempatTanggalLahir');
      const { tempat, tanggal } = splitTempatTanggalLahir(raw);
      if (!this.has('tempatLahir') && tempat) v.tempatLahir = tempat.toUpperCase();
      if (!this.has('tanggalLahir') && tanggal)
        v.tanggalLahir = this.take(r, 'tempatTanggalLahir', raw, this.date(tanggal, 'tempatTanggalLahir', r.row));
    }
    if (this.has('tempatLahir')) v.tempatLahir = this.text(r, 'tempatLahir')?.toUpperCase();
    if (this.has('tanggalLahir'))
      v.tanggalLahir = this.take(
        r,
        'tanggalLahir',
        this.cell('tanggalLahir'),
        this.date(this.cell('tanggalLahir'), 'tanggalLahir', r.row),
      );
    if (this.has('jenisKelamin'))
      v.jenisKelamin = this.take(r, 'jenisKelamin', this.cell('jenisKelamin'), normalizeSex(this.cell('jenisKelamin')));
    if (this.has('komponen'))
      v.komponen = this.take(r, 'komponen', this.cell('komponen'), normalizeKomponen(this.cell('komponen')), 'warning');
  }

  /** Street address and RT/RW (one column or two). */
  private checkAddress(r: RowResult): void {
    const v = r.family;
    v.alamat = this.text(r, 'alamat');
    if (this.has('rtRw')) {
      const rtRw = this.take(r, 'rtRw', this.cell('rtRw'), splitRtRw(this.cell('rtRw')), 'warning');
      if (rtRw) {
        v.rt = rtRw.rt;
        v.rw = rtRw.rw;
      }
    }
    if (this.has('rt')) v.rt = this.take(r, 'rt', this.cell('rt'), normalizeRtRw(this.cell('rt'), 'RT'), 'warning');
    if (this.has('rw')) v.rw = this.take(r, 'rw', this.cell('rw'), normalizeRtRw(this.cell('rw'), 'RW'), 'warning');
  }

  /** Kecamatan and desa by name or code; the desa is looked up within the kecamatan when one is given. */
  private checkRegion(r: RowResult): void {
    const v = r.family;
    const { regions } = this.ctx;
    let districtCode: string | undefined;
    if (this.has('kecamatan')) {
      const result = regions.district(this.cell('kecamatan'));
      districtCode = this.take(r, 'kecamatan', this.cell('kecamatan'), this.suggested(r, 'kecamatan', null, result));
    }
    if (this.has('desa')) {
      if (this.has('kecamatan') && districtCode === undefined) return;
      const within = districtCode ?? null;
      const result = regions.village(this.cell('desa'), within);
      const village = this.take(r, 'desa', this.cell('desa'), this.suggested(r, 'desa', within, result));
      if (village) {
        v.districtCode = village.districtCode;
        v.villageCode = village.villageCode;
      }
    } else if (districtCode) {
      r.districtOnly = districtCode;
    }
  }

  /**
   * A region not found but with a close one suggested: noted once per distinct value, and replaced by the
   * suggested region when the user accepted it.
   */
  private suggested<T>(
    r: RowResult,
    field: 'kecamatan' | 'desa',
    within: string | null,
    result: Normalized<T>,
  ): Normalized<T> {
    if (result.ok || !result.suggestion) return result;
    const value = cleanText(this.cell(field));
    const key = `${field}|${within ?? ''}|${value.toUpperCase()}`;
    let entry = this.regionSuggestions.get(key);
    if (!entry) {
      entry = {
        key,
        level: field,
        value,
        within: within ? this.ctx.regions.nameOf(within).toUpperCase() : null,
        suggestion: result.suggestion,
        rows: 0,
        firstRows: [],
        accepted: this.ctx.acceptedSuggestions?.has(key) ?? false,
      };
      this.regionSuggestions.set(key, entry);
    }
    entry.rows++;
    if (entry.firstRows.length < 20) entry.firstRows.push(r.row);
    if (!entry.accepted) return result;
    const code = result.suggestion.code;
    return (
      field === 'kecamatan' ? this.ctx.regions.district(code) : this.ctx.regions.village(code, within)
    ) as Normalized<T>;
  }

  /** The region suggestions of the file, the most frequent first. */
  suggestions(): RegionSuggestion[] {
    return [...this.regionSuggestions.values()].sort((a, b) => b.rows - a.rows || a.firstRows[0] - b.firstRows[0]);
  }

  /** Phone, year joined, the fields read as they are (notes), the numbers, pendamping and the relation. */
  private checkOther(r: RowResult): void {
    const v = r.family;
    if (this.has('phone'))
      v.phone = this.take(r, 'phone', this.cell('phone'), normalizePhone(this.cell('phone')), 'warning');
    if (this.has('tahunBergabung')) {
      v.tahunBergabung = this.take(
        r,
        'tahunBergabung',
        this.cell('tahunBergabung'),
        normalizeYear(this.cell('tahunBergabung'), this.ctx.today),
        'warning',
      );
    }
    for (const key of PLAIN_TEXT_FIELDS) (v as Record<string, unknown>)[key] = this.text(r, key);
    // The form's own check (one message): a wrong number is an error, not a value silently dropped.
    for (const key of NUMBER_FIELDS) {
      if (this.has(key))
        (v as Record<string, unknown>)[key] =
          this.take(r, key, this.cell(key), checkInteger(numberSpec(key), this.cell(key))) ?? undefined;
    }
    for (const key of PLAIN_DATE_FIELDS) {
      if (this.has(key))
        (v as Record<string, unknown>)[key] = this.take(r, key, this.cell(key), this.date(this.cell(key), key, r.row));
    }
    if (this.has('pendamping')) {
      // A few hundred pendamping serve 100,000 families: one shared reference per name.
      const name = normalizeName(this.cell('pendamping'));
      let ref = this.pendampingRefs.get(name);
      if (!ref) {
        const key = personKey(name);
        ref = key ? { key, name } : null;
        this.pendampingRefs.set(name, ref);
      }
      if (ref) r.pendamping = ref;
    }
    if (this.has('hubungan')) {
      r.hubungan = this.take(
        r,
        'hubungan',
        this.cell('hubungan'),
        normalizeHubungan(this.cell('hubungan')),
        this.layout === 'anggota' ? 'error' : 'warning',
      );
    }
  }

  /** The member columns of a keluarga_anggota row; undefined when the row carries no member. */
  private memberPart(r: RowResult): MemberRecord | undefined {
    if ((!this.has('artNama') && !this.has('artNik')) || r.hubungan === 'pengurus') return this.nisnNotKept(r);
    const nik = this.has('artNik')
      ? this.take(r, 'artNik', this.cell('artNik'), normalizeNik(this.cell('artNik')))
      : undefined;
    if (nik && nik === r.family.nik) return this.nisnNotKept(r);
    const hadError = r.error;
    const nama = this.text(r, 'artNama')?.toUpperCase() ?? '';
    if (r.error && !hadError) return undefined;
    if (!nama) {
      this.problem(
        r.row,
        'artNama',
        this.cell('artNama'),
        { code: 'MEMBER_NAME_MISSING', message: 'nama anggota kosong.', expected: 'nama anggota keluarga' },
        'error',
      );
      r.error = true;
      return undefined;
    }
    const tanggalLahir = this.has('artTanggalLahir')
      ? this.take(
          r,
          'artTanggalLahir',
          this.cell('artTanggalLahir'),
          this.date(this.cell('artTanggalLahir'), 'artTanggalLahir', r.row),
        )
      : undefined;
    let sex = this.has('artJenisKelamin')
      ? this.take(r, 'artJenisKelamin', this.cell('artJenisKelamin'), normalizeSex(this.cell('artJenisKelamin')))
      : undefined;
    const parsed = nik ? parseNik(nik, this.ctx.today) : null;
    if (parsed?.ok) {
      this.nikWarnings(r.row, nik as string, tanggalLahir, sex, undefined, 'artTanggalLahir', 'artJenisKelamin');
      sex ??= parsed.value.sex;
    }
    if (!sex) {
      if (!this.has('artJenisKelamin')) {
        this.problem(
          r.row,
          'artJenisKelamin',
          null,
          {
            code: 'MEMBER_SEX_MISSING',
            message: `jenis kelamin anggota ${nama} tidak diketahui (tidak ada kolom jenis kelamin atau NIK yang sah).`,
            expected: 'L atau P',
          },
          'error',
        );
      }
      r.error = true;
      return undefined;
    }
    let hubungan = r.hubungan;
    if (!hubungan) {
      if (this.columns.hubungan !== undefined && !this.has('hubungan')) {
        this.problem(
          r.row,
          'hubungan',
          null,
          {
            code: 'HUBUNGAN_MISSING',
            message: `hubungan anggota ${nama} kosong; dicatat sebagai famili lain.`,
            expected: 'SUAMI, ISTRI, ANAK, CUCU, ...',
          },
          'warning',
        );
      }
      hubungan = 'famili_lain';
    }
    const komponen = this.has('artKomponen')
      ? this.take(r, 'artKomponen', this.cell('artKomponen'), normalizeKomponen(this.cell('artKomponen')), 'warning')
      : undefined;
    return { row: r.row, nik, nisn: this.memberNisn(r), nama, hubungan, tanggalLahir, jenisKelamin: sex, komponen };
  }

  /** A person row of layout anggota, as a member of its family. */
  personAsMember(r: RowResult): MemberRecord | null {
    const v = r.family;
    if (!v.nama) {
      this.problem(
        r.row,
        'nama',
        null,
        { code: 'MEMBER_NAME_MISSING', message: 'nama anggota kosong.', expected: 'nama anggota keluarga' },
        'error',
      );
      return null;
    }
    let sex = v.jenisKelamin;
    if (!sex && v.nik) {
      const parsed = parseNik(v.nik, this.ctx.today);
      if (parsed.ok) sex = parsed.value.sex;
    }
    if (!sex) {
      this.problem(
        r.row,
        'jenisKelamin',
        null,
        {
          code: 'MEMBER_SEX_MISSING',
          message: `jenis kelamin ${v.nama} tidak diketahui (tidak ada kolom jenis kelamin atau NIK yang sah).`,
          expected: 'L atau P',
        },
        'error',
      );
      return null;
    }
    return {
      row: r.row,
      nik: v.nik,
      nisn: r.nisn,
      nama: v.nama,
      hubungan: r.hubungan === 'pengurus' || !r.hubungan ? 'famili_lain' : r.hubungan,
      tanggalLahir: v.tanggalLahir,
      jenisKelamin: sex,
      komponen: v.komponen,
    };
  }
}
