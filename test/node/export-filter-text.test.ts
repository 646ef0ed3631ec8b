import { describe, expect, it } from 'vitest';
import { describeFilters, type FilterNames } from '../../renderer/features/exports/filter-text';

const names: FilterNames = {
  kecamatan: (code) => (code === '337501' ? 'Pekalongan Barat' : undefined),
  desa: (code) => (code === '3375011002' ? 'Medono' : undefined),
  pendamping: (id) => (id === 7 ? 'Ani Rahmawati' : undefined),
};

describe('the export log says each filter in words', () => {
  it('names every filter an export used', () => {
    const text = describeFilters(
      'graduation',
      {
        status: ['aktif', 'graduasi_mandiri'],
        stage: 'approved',
        outcome: ['approved', 'rejected'],
        periodFrom: '2026-01-01',
        periodTo: '2026-06-30',
        kecamatanCode: '337501',
        desaCode: '3375011002',
        pendampingId: 7,
      },
      names,
    );
    expect(text).toBe(
      'Status: Aktif, Graduasi sejahtera mandiri · Tahap: Disetujui · Status usulan: Disetujui, Ditolak · Periode: 1 Januari 2026 – 30 Juni 2026 · ' +
        'Kecamatan: Pekalongan Barat · Desa: Medono · Pendamping: Ani Rahmawati',
    );
  });

  it('says "Semua data" without filters, and an open-ended period with an ellipsis', () => {
    expect(describeFilters('registry', {}, names)).toBe('Semua data');
    expect(describeFilters('visits', { periodFrom: '2026-03-01' }, names)).toBe('Periode: 1 Maret 2026 – …');
  });

  it('keeps a code whose name is unknown (a region renamed since), so the log still says what was asked', () => {
    expect(describeFilters('awards', { kecamatanCode: '999999', pendampingId: 3 }, names)).toBe(
      'Kecamatan: 999999 · Pendamping: #3',
    );
  });
});
