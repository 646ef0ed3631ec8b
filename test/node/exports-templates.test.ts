/**
 * Office templates (copy a built-in, change columns, order, headers, filters, format) saved and deleted with
 * their audit, names unique with a field message; the filters narrow the rows and the count agrees with the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportTemplateView } from '../../main/api/exports.contract';
import type { ExportFilters, ExportKind } from '../../main/domain/exports';
import { countExport, runExport } from '../../main/services/exports/run';
import { deleteTemplate, findTemplate, listTemplates, saveTemplate } from '../../main/services/exports/templates';
import { expectAppError } from '../support/errors';
import { builtIn, type ExportDb, exportDb, readWorkbook, sheetRows, TODAY } from '../support/exports';
import { addPendamping, userActor } from '../support/graduation';

let t: ExportDb;
beforeAll(async () => {
  t = await exportDb();
});
afterAll(() => t.db.$client.close());

const audits = (entity: string, id: number) =>
  t.db.$client
    .prepare('SELECT action, username FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id')
    .all(entity, id);

describe('export templates', () => {
  it('lists the five built-in templates first; a copy keeps its own columns, headers and format', async () => {
    expect(listTemplates(t.db).map((x) => x.key)).toEqual([
      'bawaan:penetapan',
      'bawaan:usulan',
      'bawaan:registry',
      'bawaan:awards',
      'bawaan:visits',
    ]);
    const saved = saveTemplate(t.db, t.admin, {
      ...builtIn('graduation'),
      name: 'Usulan ke provinsi',
      columns: [
        { key: 'nama', header: 'NAMA KPM' },
        { key: 'nik', header: 'NIK' },
        { key: 'tahap', header: 'TAHAP' },
      ],
      filters: { stage: 'approved' },
      format: 'csv_semicolon',
      titleRow: 'USULAN GRADUASI 2026',
    });
    expect(saved).toMatchObject({ key: `templat:${saved.id}`, builtIn: false, format: 'csv_semicolon' });
    expect(findTemplate(t.db, 'usulan KE provinsi').id).toBe(saved.id);
    expect(findTemplate(t.db, 'graduation').key).toBe('bawaan:penetapan');
    expect(audits('export_template', saved.id as number)).toEqual([{ action: 'create', username: 'admin' }]);

    const file = await runExport(
      t.db,
      t.admin,
      { templateKey: saved.key, template: saved, nikMode: 'full' },
      { via: 'aplikasi', today: TODAY },
    );
    expect(file.fileName).toBe('usulan-ke-provinsi-2026-11-30.csv');
    const lines = file.bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines.slice(0, 2)).toEqual(['USULAN GRADUASI 2026', 'NAMA KPM;NIK;TAHAP']);
    // The three approved; the rejected one is left out by the stage filter.
    expect(lines.slice(2).filter(Boolean)).toHaveLength(3);
    expect(lines[2]).toMatch(/;Disetujui$/);
  });

  it('refuses a name already used (also a built-in one) and an unknown column, with the field', () => {
    const base = { ...builtIn('registry'), name: 'Data lengkap' };
    const first = saveTemplate(t.db, t.admin, base);
    expectAppError(() => saveTemplate(t.db, t.admin, { ...base, name: 'DATA LENGKAP' }), 'DUPLICATE', /sudah dipakai/, {
      name: /Data lengkap|DATA LENGKAP/,
    });
    expectAppError(() => saveTemplate(t.db, t.admin, { ...base, name: 'penetapan GRADUASI' }), 'DUPLICATE', undefined, {
      name: /sudah dipakai/,
    });
    expectAppError(
      () => saveTemplate(t.db, t.admin, { ...base, name: 'Lain', columns: [{ key: 'gaji', header: 'GAJI' }] }),
      'INVALID_INPUT',
      /Kolom ke-1/,
      { columns: /gaji/ },
    );
    // Renaming itself to its own name is fine.
    const renamed = saveTemplate(t.db, t.admin, { ...base, id: first.id as number, titleRow: 'Judul' });
    expect(renamed.titleRow).toBe('Judul');
    const viewer = userActor(t.db, t.admin, 'verifikator', 'verifikator_templat');
    expectAppError(() => deleteTemplate(t.db, viewer, first.id as number), 'FORBIDDEN');
    deleteTemplate(t.db, t.admin, first.id as number);
    expect(listTemplates(t.db).some((x: ExportTemplateView) => x.id === first.id)).toBe(false);
    expect(audits('export_template', first.id as number).map((a) => (a as { action: string }).action)).toEqual([
      'create',
      'update',
      'delete',
    ]);
    expectAppError(
      () => findTemplate(t.db, 'Data lengkap'),
      'NOT_FOUND',
      /penetapan, usulan, registry, awards, visits/,
    );
  });
});

describe('filters', () => {
  const count = (kind: ExportKind, filters: ExportFilters) => countExport(t.db, { ...builtIn(kind), filters }).rows;

  it('status, stage, period, kecamatan, desa and pendamping narrow the rows, and the file has as many', async () => {
    const pendampingId = addPendamping(t.db, 'PENDAMPING FILTER');
    t.db.$client.prepare('UPDATE kpm SET pendamping_id = ? WHERE id = ?').run(pendampingId, t.graduatedIds[0]);
    const district = t.db.$client
      .prepare('SELECT district_code AS d, village_code AS v FROM kpm WHERE id = ?')
      .get(t.familyId) as { d: string; v: string };

    expect(count('registry', {})).toBe(6);
    // Without member columns the registry has one row per family.
    const familiesOnly = [{ key: 'nik', header: 'NIK' }];
    expect(countExport(t.db, { ...builtIn('registry'), columns: familiesOnly }).rows).toBe(5);
    expect(count('registry', { status: ['graduasi_mandiri'] })).toBe(3);
    expect(count('registry', { status: ['aktif'] })).toBe(3);
    expect(count('registry', { kecamatanCode: district.d, desaCode: district.v })).toBe(6);
    expect(count('registry', { kecamatanCode: '337502' })).toBe(0);
    expect(count('registry', { pendampingId })).toBe(1);
    expect(count('registry', { stage: 'rejected' })).toBe(1);
    expect(count('graduation', {})).toBe(4);
    expect(count('graduation', { stage: 'rejected' })).toBe(1);
    expect(count('graduation', { pendampingId })).toBe(1);
    // The SK of 15 October decided all four (three approved, one rejected).
    expect(count('graduation', { periodFrom: '2026-10-01', periodTo: '2026-10-31' })).toBe(4);
    expect(count('graduation', { periodFrom: '2026-10-16' })).toBe(0);
    expect(count('awards', {})).toBe(2);
    expect(count('awards', { stage: 'handed_over' })).toBe(1);
    expect(count('visits', { periodFrom: '2027-01-01', periodTo: '2027-01-31' })).toBe(3);
    expect(count('visits', { stage: 'visited' })).toBe(0);

    const file = await runExport(
      t.db,
      t.admin,
      {
        templateKey: 'bawaan:graduation',
        template: {
          ...builtIn('graduation'),
          filters: { stage: 'approved', periodFrom: '2026-10-01', periodTo: '2026-10-31' },
        },
        nikMode: 'full',
      },
      { via: 'aplikasi', today: TODAY },
    );
    expect(file.rows).toBe(3);
    expect(sheetRows((await readWorkbook(file.bytes)).worksheets[0])).toHaveLength(3);
  });

  it('refuses a stage the kind does not know and a period that ends before it starts', () => {
    expectAppError(() => count('awards', { stage: 'candidate' }), 'INVALID_INPUT', /Direncanakan/, {
      stage: /candidate/,
    });
    expectAppError(
      () => count('graduation', { periodFrom: '2026-12-01', periodTo: '2026-01-01' }),
      'INVALID_INPUT',
      /periode/,
      {
        periodFrom: /sesudah/,
      },
    );
  });
});
