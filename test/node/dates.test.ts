import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween, monthBounds } from '../../main/domain/dates';

describe('addMonths', () => {
  it('keeps the day when the target month has it', () => {
    expect(addMonths('2026-01-15', 3)).toBe('2026-04-15');
    expect(addMonths('2026-11-22', 12)).toBe('2027-11-22');
  });
  it('rolls a 31st back to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', 3)).toBe('2026-06-30');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
  });
  it('takes 29 February + 12 months to 28 February, and + 48 months back to a 29th', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
  });
  it('crosses year ends both ways', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-12-31', 6)).toBe('2027-06-30');
    expect(addMonths('2026-01-31', -2)).toBe('2025-11-30');
    expect(addMonths('2026-05-10', 0)).toBe('2026-05-10');
  });
});

describe('monthBounds and daysBetween', () => {
  it('gives the month of a date, leap Februaries included', () => {
    expect(monthBounds('2024-02-10')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(monthBounds('2026-12-31')).toEqual({ first: '2026-12-01', last: '2026-12-31' });
  });
  it('counts days across a month end', () => {
    expect(daysBetween('2026-01-30', '2026-02-02')).toBe(3);
    expect(daysBetween('2026-02-02', '2026-01-30')).toBe(-3);
  });
});
