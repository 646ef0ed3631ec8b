import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BULAN, todayIso } from '../../main/domain/format';
import { parseNik } from '../../main/domain/identity';
import { autoMap, headerKey } from '../../main/domain/import-fields';
import {
  cellText,
  createRegionMatcher,
  editDistance,
  excelSerialToIso,
  normalizeDate,
  normalizeHubungan,
  normalizeKomponen,
  normalizeNik,
  normalizeNoKk,
  normalizePhone,
  normalizeRtRw,
  normalizeSex,
  normalizeYear,
  personKey,
  type RawCell,
  regionKey,
  splitRtRw,
  splitTempatTanggalLahir,
} from '../../main/domain/normalize';

const TODAY = new Date('2026-11-22T00:00:00Z');
const NIK = '3528024512800001';

/** Any cell a reader can produce. */
const anyCell: fc.Arbitrary<RawCell> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.stringMatching(/^[0-9 .,'\-Ee+]{0,24}$/),
  fc.double(),
  fc.integer(),
  fc.bigInt({ min: 10n ** 15n, max: 10n ** 16n }).map((n) => Number(n)),
  fc.boolean(),
  fc.date(),
  fc.constant(null),
  fc.constant(undefined),
);

describe('NIK and No. KK', () => {
  it('strips spaces, dots, dashes and a leading apostrophe', () => {
    for (const raw of [
      NIK,
      `'${NIK}`,
      ' 352802 451280 0001 ',
      '35.28.02.451280.0001',
      '3528-0245-1280-0001',
      `${NIK}\u00a0`,
    ]) {
      expect(normalizeNik(raw)).toEqual({ ok: true, value: NIK });
    }
  });

  it('accepts a number only when all 16 digits survived', () => {
    expect(normalizeNik(3528024512800001)).toEqual({ ok: true, value: NIK });
    // Excel keeps 15 significant digits: a number ending in 0 may have lost its last digit.
    const zero = normalizeNik(3528024512800010);
    expect(zero.ok).toBe(false);
    if (!zero.ok) expect(zero.code).toBe('NIK_EXCEL_NUMBER');
    // Above 2^53 a double cannot hold 16 digits (Papua NIK start with 91-94).
    const papua = normalizeNik(Number('9171014512800001'));
    expect(papua).toMatchObject({ ok: false, code: 'NIK_EXCEL_NUMBER' });
    // A number cell written out as text with ".0" is still a number cell.
    expect(normalizeNik('3528024512800010.0')).toMatchObject({ ok: false, code: 'NIK_EXCEL_NUMBER' });
    expect(normalizeNik(`${NIK}.0`)).toEqual({ ok: true, value: NIK });
  });

  it('refuses scientific notation with the message the office needs', () => {
    const result = normalizeNik('3.52801E+15');
    expect(result).toEqual({
      ok: false,
      code: 'NIK_EXCEL_NUMBER',
      message:
        'nilai 3.52801E+15 telah diubah Excel menjadi angka dan digitnya hilang. Format kolom NIK sebagai Teks lalu ketik ulang.',
      expected: expect.any(String),
    });
    expect(normalizeNik('3,52801E+15')).toMatchObject({ ok: false, code: 'NIK_EXCEL_NUMBER' });
    expect(normalizeNoKk('3.52802E+15')).toMatchObject({ ok: false, code: 'KK_EXCEL_NUMBER' });
  });

  it('treats a grouped number like a number cell', () => {
    expect(normalizeNik('3.528.024.512.800.001')).toEqual({ ok: true, value: NIK });
    expect(normalizeNik('3,528,024,512,800,010')).toMatchObject({ ok: false, code: 'NIK_EXCEL_NUMBER' });
  });

  it('reports what is wrong with a NIK in Indonesian', () => {
    expect(normalizeNik('35280245128')).toMatchObject({ ok: false, code: 'NIK_FORMAT' });
    expect(normalizeNik('9928024512800001')).toMatchObject({ ok: false, code: 'NIK_PROVINCE' });
    expect(normalizeNik('3528029912800001')).toMatchObject({ ok: false, code: 'NIK_BIRTHDATE' });
    expect(normalizeNik('3528024512800000')).toMatchObject({ ok: false, code: 'NIK_SERIAL' });
    expect(normalizeNoKk('35280210010800')).toMatchObject({ ok: false, code: 'KK_FORMAT' });
  });

  it('property: any cell gives a valid NIK or a coded problem, never an exception', () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        const result = normalizeNik(cell);
        if (result.ok) {
          expect(result.value).toMatch(/^\d{16}$/);
          expect(parseNik(result.value).ok).toBe(true);
        } else {
          expect(result.code).toMatch(/^NIK_[A-Z_]+$/);
          expect(result.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('property: a valid NIK survives every way offices write it', () => {
    const validNik = fc
      .record({
        region: fc.constantFrom('352802', '337501', '317101', '917101'),
        day: fc.integer({ min: 1, max: 28 }),
        month: fc.integer({ min: 1, max: 12 }),
        // This year's two digits could put the birth date in the future, which a NIK cannot hold.
        yy: fc.integer({ min: 0, max: 99 }).filter((y) => y !== new Date().getUTCFullYear() % 100),
        female: fc.boolean(),
        serial: fc.integer({ min: 1, max: 9999 }),
      })
      .map(
        ({ region, day, month, yy, female, serial }) =>
          `${region}${String(day + (female ? 40 : 0)).padStart(2, '0')}${String(month).padStart(2, '0')}${String(yy).padStart(2, '0')}${String(serial).padStart(4, '0')}`,
      );
    fc.assert(
      fc.property(validNik, (nik) => {
        for (const written of [
          nik,
          `'${nik}`,
          ` ${nik.slice(0, 6)} ${nik.slice(6)} `,
          `${nik.slice(0, 8)}.${nik.slice(8)}`,
        ]) {
          expect(normalizeNik(written)).toEqual({ ok: true, value: nik });
        }
        const asNumber = normalizeNik(Number(nik));
        const safe = Number(nik) <= Number.MAX_SAFE_INTEGER && !nik.endsWith('0');
        expect(asNumber.ok).toBe(safe);
        if (asNumber.ok) expect(asNumber.value).toBe(nik);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('dates', () => {
  const d = (v: RawCell) => normalizeDate(v, { today: TODAY });

  it('reads the shapes offices use', () => {
    for (const raw of [
      '1980-03-12',
      '12-03-1980',
      '12/03/1980',
      '12.03.1980',
      '12 Maret 1980',
      '12 Mar 1980',
      '12-Mar-1980',
      '12 MARET 1980',
      '12 mrt 1980',
      '1980/03/12',
      '12/03/1980 00:00:00',
      '19800312',
      29292,
    ]) {
      expect(d(raw), String(raw)).toEqual({ ok: true, value: '1980-03-12' });
    }
    expect(d(new Date(Date.UTC(1980, 2, 12)))).toEqual({ ok: true, value: '1980-03-12' });
    expect(d('29292')).toEqual({ ok: true, value: '1980-03-12' });
    expect(d('1 Agustus 1945')).toEqual({ ok: true, value: '1945-08-01' });
    expect(d('17 Agt 1945')).toEqual({ ok: true, value: '1945-08-17' });
    expect(d('5 Desember 2001')).toEqual({ ok: true, value: '2001-12-05' });
  });

  it('warns when it had to guess', () => {
    expect(d('03/25/1980')).toMatchObject({ ok: true, value: '1980-03-25', warning: { code: 'DATE_MONTH_FIRST' } });
    expect(d('12-03-80')).toMatchObject({ ok: true, value: '1980-03-12', warning: { code: 'DATE_TWO_DIGIT_YEAR' } });
    expect(d('12 Mar 80')).toMatchObject({ ok: true, value: '1980-03-12', warning: { code: 'DATE_TWO_DIGIT_YEAR' } });
  });

  it('reads a two-digit year as the date fields do: the century that keeps the date on or before today', () => {
    const on = (raw: string, today: string) => normalizeDate(raw, { today: new Date(`${today}T12:00:00`) });
    expect(on('16/08/26', '2026-12-07')).toMatchObject({ ok: true, value: '2026-08-16' });
    // Later this year is last century's, not a birth date in the future.
    expect(on('16/12/26', '2026-12-07')).toMatchObject({ ok: true, value: '1926-12-16' });
    expect(on('16 Des 26', '2026-12-07')).toMatchObject({ ok: true, value: '1926-12-16' });
  });

  it('reads a whole number that looks like a year as a year, not as an Excel serial', () => {
    expect(d(1965)).toMatchObject({ ok: false, code: 'DATE_YEAR_ONLY' });
    expect(d(29292)).toEqual({ ok: true, value: '1980-03-12' });
  });

  it('takes "today" in local time, not UTC', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Jakarta';
    try {
      // 22 November 2026 at 01:00 in Jakarta is still 21 November in UTC.
      const earlyMorning = new Date('2026-11-21T18:00:00Z');
      expect(todayIso(earlyMorning)).toBe('2026-11-22');
      expect(normalizeDate('22-11-2026', { today: earlyMorning })).toEqual({ ok: true, value: '2026-11-22' });
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('refuses what is not a date', () => {
    expect(d('31/02/1980')).toMatchObject({ ok: false, code: 'DATE_INVALID' });
    expect(d('1980')).toMatchObject({ ok: false, code: 'DATE_YEAR_ONLY' });
    expect(d('besok')).toMatchObject({ ok: false, code: 'DATE_FORMAT' });
    expect(d('12 Maretz 1980')).toMatchObject({ ok: false, code: 'DATE_FORMAT' });
    expect(d('2030-01-01')).toMatchObject({ ok: false, code: 'DATE_RANGE' });
    expect(d('1850-01-01')).toMatchObject({ ok: false, code: 'DATE_RANGE' });
    expect(d(60)).toMatchObject({ ok: false });
  });

  it('converts Excel serials around the fictitious 29 February 1900', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(60)).toBeNull();
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(45000)).toBe('2023-03-15');
    expect(excelSerialToIso(0, true)).toBe('1904-01-01');
    expect(excelSerialToIso(1, true)).toBe('1904-01-02');
  });

  it('property: any cell gives a date in range or a coded problem, never an exception', () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        const result = d(cell);
        if (result.ok) {
          expect(result.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(result.value >= '1900-01-01' && result.value <= '2026-11-22').toBe(true);
        } else {
          expect(result.code).toMatch(/^DATE_/);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('property: every real date round-trips through every written shape', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-03-01T00:00:00Z'), max: new Date('2026-11-21T00:00:00Z'), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          const [y, m, dd] = iso.split('-');
          const bulan = BULAN[Number(m) - 1];
          for (const written of [
            iso,
            `${dd}-${m}-${y}`,
            `${dd}/${m}/${y}`,
            `${Number(dd)} ${bulan} ${y}`,
            `${Number(dd)} ${bulan.slice(0, 3)} ${y}`,
          ]) {
            expect(d(written)).toMatchObject({ ok: true, value: iso });
          }
          const serial = (Date.UTC(Number(y), Number(m) - 1, Number(dd)) - Date.UTC(1899, 11, 30)) / 86_400_000;
          // Whole numbers 1000-2100 (dates in 1902-1905) are read as a typed year, not a serial.
          if (serial < 1000 || serial > 2100) expect(d(serial)).toMatchObject({ ok: true, value: iso });
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('regions', () => {
  const entries = [
    { code: '352802', level: 'district', parentCode: '3528', name: 'Pademawu' },
    { code: '352803', level: 'district', parentCode: '3528', name: 'Galis' },
    { code: '352804', level: 'district', parentCode: '3528', name: 'Larangan' },
    { code: '3528022022', level: 'village', parentCode: '352802', name: 'Buddagan' },
    { code: '3528022007', level: 'village', parentCode: '352802', name: 'Buddih' },
    { code: '3528022010', level: 'village', parentCode: '352802', name: 'Tanjung' },
    { code: '3528032005', level: 'village', parentCode: '352803', name: 'Tanjung' },
    { code: '3528041001', level: 'village', parentCode: '352804', name: 'Kelurahan Baru' },
  ];
  const m = createRegionMatcher('3528', entries);

  it('matches kecamatan by name with or without prefix, and by code', () => {
    for (const raw of [
      'Pademawu',
      'PADEMAWU',
      'KEC. PADEMAWU',
      'Kecamatan Pademawu',
      'kec pademawu',
      '352802',
      '35.28.02',
      352802,
    ]) {
      expect(m.district(raw), String(raw)).toEqual({ ok: true, value: '352802' });
    }
  });

  it('matches desa by name within the kecamatan, or alone when unique', () => {
    expect(m.village('DESA BUDDAGAN', '352802')).toEqual({
      ok: true,
      value: { districtCode: '352802', villageCode: '3528022022' },
    });
    expect(m.village('Buddagan', null)).toEqual({
      ok: true,
      value: { districtCode: '352802', villageCode: '3528022022' },
    });
    expect(m.village('35.28.02.2022', null)).toEqual({
      ok: true,
      value: { districtCode: '352802', villageCode: '3528022022' },
    });
    expect(m.village('Tanjung', '352803')).toEqual({
      ok: true,
      value: { districtCode: '352803', villageCode: '3528032005' },
    });
    // "KELURAHAN BARU" is a village's real name; the prefix is only dropped once.
    expect(m.village('KEL. KELURAHAN BARU', null)).toMatchObject({ ok: true, value: { villageCode: '3528041001' } });
  });

  it('reports unknown, ambiguous and misplaced names, with a suggestion', () => {
    expect(m.district('Pademau')).toMatchObject({
      ok: false,
      code: 'REGION_DISTRICT_UNKNOWN',
      message: expect.stringContaining('PADEMAWU'),
    });
    expect(m.village('Budagan', '352802')).toMatchObject({
      ok: false,
      code: 'REGION_VILLAGE_UNKNOWN',
      message: expect.stringContaining('BUDDAGAN'),
    });
    expect(m.village('Tanjung', null)).toMatchObject({ ok: false, code: 'REGION_VILLAGE_AMBIGUOUS' });
    expect(m.village('Buddagan', '352803')).toMatchObject({ ok: false, code: 'REGION_VILLAGE_OTHER_DISTRICT' });
    expect(m.district('337501')).toMatchObject({ ok: false, code: 'REGION_OUTSIDE' });
    expect(m.village('3375011001', null)).toMatchObject({ ok: false, code: 'REGION_OUTSIDE' });
  });

  it('property: any cell gives a known code or a coded problem, never an exception', () => {
    const known = new Set(entries.map((e) => e.code));
    fc.assert(
      fc.property(anyCell, fc.constantFrom(null, '352802', '352803', '999999'), (cell, district) => {
        const a = m.district(cell);
        if (a.ok) expect(known.has(a.value)).toBe(true);
        else expect(a.code).toMatch(/^REGION_/);
        const b = m.village(cell, district);
        if (b.ok) {
          expect(known.has(b.value.villageCode)).toBe(true);
          expect(b.value.villageCode.startsWith(b.value.districtCode)).toBe(true);
        } else expect(b.code).toMatch(/^REGION_/);
        expect(typeof regionKey(cell)).toBe('string');
      }),
      { numRuns: 3000 },
    );
  });

  it('property: names match whatever their case, spacing and prefix', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...entries.filter((e) => e.level === 'village' && e.name !== 'Tanjung')),
        fc.constantFrom('', 'DESA ', 'Desa ', 'DS. ', 'KEL. ', 'Kelurahan '),
        fc.boolean(),
        fc.constantFrom('', ' ', '  '),
        (entry, prefix, upper, space) => {
          const name = upper ? entry.name.toUpperCase() : entry.name.toLowerCase();
          const result = m.village(`${space}${prefix}${name}${space}`, entry.parentCode);
          expect(result).toMatchObject({ ok: true, value: { villageCode: entry.code } });
        },
      ),
    );
  });

  it('computes small edit distances', () => {
    expect(editDistance('BUDAGAN', 'BUDDAGAN')).toBe(1);
    expect(editDistance('PADEMAU', 'PADEMAWU')).toBe(1);
    expect(editDistance('ABC', 'XYZXYZXYZ', 3)).toBe(4);
  });
});

describe('small fields', () => {
  it('reads sex from L/P and words', () => {
    for (const raw of ['L', 'l', 'LK', 'Laki-laki', 'LAKI LAKI', 'Pria', 1])
      expect(normalizeSex(raw)).toEqual({ ok: true, value: 'L' });
    for (const raw of ['P', 'PR', 'Perempuan', 'WANITA', 'w', 2])
      expect(normalizeSex(raw)).toEqual({ ok: true, value: 'P' });
    expect(normalizeSex('X')).toMatchObject({ ok: false, code: 'SEX_INVALID' });
  });

  it('pads RT and RW and splits RT/RW', () => {
    expect(normalizeRtRw('1', 'RT')).toEqual({ ok: true, value: '001' });
    expect(normalizeRtRw(3, 'RW')).toEqual({ ok: true, value: '003' });
    expect(normalizeRtRw('RT 02', 'RT')).toEqual({ ok: true, value: '002' });
    expect(normalizeRtRw('1A', 'RT')).toMatchObject({ ok: false, code: 'RT_INVALID' });
    expect(splitRtRw('001/002')).toEqual({ ok: true, value: { rt: '001', rw: '002' } });
    expect(splitRtRw('RT 1 RW 2')).toEqual({ ok: true, value: { rt: '001', rw: '002' } });
    expect(splitRtRw('01-05')).toEqual({ ok: true, value: { rt: '001', rw: '005' } });
  });

  it('puts back the leading 0 of a phone number', () => {
    expect(normalizePhone(81234567890)).toEqual({ ok: true, value: '081234567890' });
    expect(normalizePhone('0812-3456-7890')).toEqual({ ok: true, value: '081234567890' });
    expect(normalizePhone('+62 812 3456 7890')).toEqual({ ok: true, value: '+6281234567890' });
    expect(normalizePhone('tidak ada')).toMatchObject({ ok: false, code: 'PHONE_INVALID' });
  });

  it('reads years, komponen and hubungan', () => {
    expect(normalizeYear(2015, TODAY)).toEqual({ ok: true, value: 2015 });
    expect(normalizeYear('2006', TODAY)).toMatchObject({ ok: false, code: 'YEAR_INVALID' });
    expect(normalizeKomponen('Lansia')).toEqual({ ok: true, value: 'lanjut_usia' });
    expect(normalizeKomponen('ibu hamil')).toEqual({ ok: true, value: 'ibu_hamil' });
    expect(normalizeKomponen('kaya')).toMatchObject({ ok: false, code: 'KOMPONEN_INVALID' });
    expect(normalizeHubungan('Kepala Keluarga')).toEqual({ ok: true, value: 'suami' });
    expect(normalizeHubungan('3. ANAK')).toEqual({ ok: true, value: 'anak' });
    expect(normalizeHubungan('Pengurus')).toEqual({ ok: true, value: 'pengurus' });
    expect(normalizeHubungan('tetangga')).toMatchObject({ ok: false, code: 'HUBUNGAN_INVALID' });
  });

  it('splits "tempat, tanggal lahir"', () => {
    expect(splitTempatTanggalLahir('PAMEKASAN, 12-03-1980')).toEqual({ tempat: 'PAMEKASAN', tanggal: '12-03-1980' });
    expect(splitTempatTanggalLahir('Pamekasan 12 Maret 1980')).toEqual({
      tempat: 'Pamekasan',
      tanggal: '12 Maret 1980',
    });
  });

  it('compares pendamping names without titles and punctuation', () => {
    expect(personKey('Sri Mulyani, S.Sos')).toBe('SRI MULYANI');
    expect(personKey(' SRI  MULYANI ')).toBe('SRI MULYANI');
  });

  it('writes numbers without exponent', () => {
    expect(cellText(3528024512800001)).toBe('3528024512800001');
    expect(cellText(1e21)).toBe('1e+21');
    expect(cellText(null)).toBe('');
  });
});

describe('headers', () => {
  it('ignores case, spaces and punctuation', () => {
    expect(headerKey('No. K.K')).toBe(headerKey('NO KK'));
    expect(headerKey('Desa/Kelurahan')).toBe('DESAKELURAHAN');
  });

  it('maps the usual names and prefers the specific one', () => {
    const headers = [
      'NO',
      'NIK',
      'NIK PENGURUS',
      'NOMOR KK',
      'Nama KPM',
      'ID PKH',
      'ID_DTKS',
      'Tgl. Lahir',
      'L/P',
      'Kec.',
      'DESA/KELURAHAN',
      'NAMA PENDAMPING',
      'RT/RW',
      'KETERANGAN',
    ];
    expect(autoMap(headers)).toEqual({
      nik: 2,
      noKk: 3,
      nama: 4,
      idKpm: 5,
      idDtks: 6,
      tanggalLahir: 7,
      jenisKelamin: 8,
      kecamatan: 9,
      desa: 10,
      pendamping: 11,
      rtRw: 12,
      notes: 13,
    });
  });
});
