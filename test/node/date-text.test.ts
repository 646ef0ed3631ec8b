import { describe, expect, it } from 'vitest';
import { parseDayFirst } from '../../renderer/features/shared/date-text';

describe('dates typed in the date fields', () => {
  it.each([
    ['05/07/1985', '1985-07-05'],
    ['5/7/1985', '1985-07-05'],
    ['03-04-1986', '1986-04-03'],
    ['17.08.1945', '1945-08-17'],
    [' 29/02/2024 ', '2024-02-29'],
    ['1985-07-05', '1985-07-05'],
  ])('reads %s day first as %s', (typed, iso) => {
    expect(parseDayFirst(typed)).toBe(iso);
  });

  it.each(['31/02/2024', '29/02/2023', '13/13/2020', '07/05/85', 'Juli 1985', '', '00/01/2020'])(
    'refuses %s',
    (typed) => {
      expect(parseDayFirst(typed)).toBeNull();
    },
  );
});
