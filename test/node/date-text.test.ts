import { describe, expect, it } from 'vitest';
import { centuryOf, dateBoundsProblem, formatDayFirst, parseTypedDate } from '../../main/domain/date-text';

// The parser's today is always given: a two-digit year depends on it.
const TODAY = '2026-12-07';
const read = (typed: string, today = TODAY) => parseTypedDate(typed, today);

describe('dates typed in the date fields', () => {
  it.each([
    '16081985',
    '160885',
    '16/8/85',
    '16/08/1985',
    '16-08-1985',
    '16.08.1985',
    '16 8 1985',
    ' 16 / 8 / 1985 ',
    '1985-08-16',
  ])('reads %s as 16 August 1985', (typed) => {
    expect(read(typed)).toEqual({ ok: true, iso: '1985-08-16' });
  });

  it.each([
    ['05/07/1985', '1985-07-05'],
    ['5/7/1985', '1985-07-05'],
    ['03-04-1986', '1986-04-03'],
    ['29/02/2024', '2024-02-29'],
  ])('reads %s day first as %s', (typed, iso) => {
    expect(read(typed)).toEqual({ ok: true, iso });
  });

  it('puts a two-digit year in the century that makes the date today or earlier', () => {
    expect(read('16/08/26')).toEqual({ ok: true, iso: '2026-08-16' });
    expect(read('07/12/26')).toEqual({ ok: true, iso: '2026-12-07' });
    expect(read('08/12/26')).toEqual({ ok: true, iso: '1926-12-08' });
    expect(read('01/01/00')).toEqual({ ok: true, iso: '2000-01-01' });
    expect(read('16/08/85', '2101-03-01')).toEqual({ ok: true, iso: '2085-08-16' });
    expect(centuryOf(27, 1, 1, TODAY)).toBe(1927);
  });

  it('says why a date that is not in the calendar cannot be read', () => {
    expect(read('31/02/1985')).toEqual({
      ok: false,
      message: 'Tanggal 31 Februari 1985 tidak ada: Februari 1985 hanya sampai tanggal 28.',
    });
    expect(read('29/02/2023')).toMatchObject({ ok: false, message: expect.stringContaining('sampai tanggal 28') });
    expect(read('13/13/2020')).toMatchObject({ ok: false, message: expect.stringContaining('Bulan 13 tidak ada') });
    expect(read('00/01/2020')).toMatchObject({ ok: false });
  });

  it.each(['Juli 1985', '16/8/985', '1608198', '16/8', 'kemarin', '16/08/1985/1'])(
    'refuses %s with an example',
    (typed) => {
      expect(read(typed)).toMatchObject({ ok: false, message: expect.stringContaining('misalnya 16/08/1985') });
    },
  );

  it('reads nothing typed as no date', () => {
    expect(read('')).toBeNull();
    expect(read('   ')).toBeNull();
  });

  it('shows a date day first and names a bound it crosses', () => {
    expect(formatDayFirst('1985-08-16')).toBe('16/08/1985');
    expect(dateBoundsProblem('2026-12-08', { max: TODAY })).toBe('8 Desember 2026 lewat dari batas 7 Desember 2026.');
    expect(dateBoundsProblem(TODAY, { max: TODAY })).toBeNull();
  });
});
