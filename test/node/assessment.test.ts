import { describe, expect, it } from 'vitest';
import { type Criterion, DEFAULT_CRITERIA, scoreAssessment } from '../../main/domain/assessment';

const criteria: Criterion[] = [
  {
    code: 'penghasilan',
    label: 'Penghasilan',
    weight: 3,
    required: true,
    options: [
      { code: 'rendah', label: 'Rendah', score: 0 },
      { code: 'tinggi', label: 'Tinggi', score: 100 },
    ],
  },
  {
    code: 'lantai',
    label: 'Lantai',
    weight: 1,
    required: false,
    options: [
      { code: 'tanah', label: 'Tanah', score: 0 },
      { code: 'keramik', label: 'Keramik', score: 60 },
    ],
  },
];

describe('scoring an assessment', () => {
  it('weighs each answer and recommends from the threshold up', () => {
    expect(scoreAssessment(criteria, { penghasilan: 'tinggi', lantai: 'keramik' }, 90)).toEqual({
      ok: true,
      score: 90,
      layak: true,
    });
    expect(scoreAssessment(criteria, { penghasilan: 'tinggi', lantai: 'tanah' }, 76)).toEqual({
      ok: true,
      score: 75,
      layak: false,
    });
  });

  it('leaves an unanswered optional criterion out of the weights', () => {
    expect(scoreAssessment(criteria, { penghasilan: 'tinggi' }, 60)).toEqual({ ok: true, score: 100, layak: true });
  });

  it('refuses a missing required answer and an answer that is not one of the options', () => {
    expect(scoreAssessment(criteria, { lantai: 'tanah' }, 60)).toEqual({
      ok: false,
      missing: ['Penghasilan'],
      unknown: [],
    });
    expect(scoreAssessment(criteria, { penghasilan: 'sedang' }, 60)).toEqual({
      ok: false,
      missing: [],
      unknown: ['Penghasilan'],
    });
  });

  it('ships default criteria whose required ones cover income and food spending', () => {
    const codes = DEFAULT_CRITERIA.filter((c) => c.required).map((c) => c.code);
    expect(codes).toEqual(['penghasilan', 'kepemilikan_rumah', 'porsi_pangan']);
    const best = Object.fromEntries(DEFAULT_CRITERIA.map((c) => [c.code, c.options[c.options.length - 1].code]));
    expect(scoreAssessment(DEFAULT_CRITERIA, best, 60)).toEqual({ ok: true, score: 100, layak: true });
  });
});
