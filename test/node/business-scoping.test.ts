/**
 * A pendamping account reaches only its own families through every business method; the office's roles reach
 * all. Called through the dispatcher, as the renderer calls them.
 */
import { describe, expect, it } from 'vitest';
import { businessContract } from '../../main/api/business.contract';
import type { MethodName } from '../../main/api/contract';
import { createDispatcher } from '../../main/api/dispatch';
import { businessSaveSchema } from '../../main/domain/business';
import { saveBusiness } from '../../main/services/business/records';
import { businessOffice, entry, TODAY } from '../support/business';
import { FIXTURE_PASSWORD, pendampingActor } from '../support/graduation';
import { pdfFile, pdfText } from '../support/pdf';

async function apiOffice() {
  const o = await businessOffice();
  pendampingActor(o.db, o.admin, 'rina', o.rina);
  for (const kpmId of [o.rinaGrads[0], o.dediGrads[0]]) {
    saveBusiness(
      o.db,
      o.admin,
      businessSaveSchema.parse({ kpmId, type: 'jasa', startDate: '2026-02-01', entry: entry('2026-03-01', 1) }),
      TODAY,
    );
  }
  const api = createDispatcher(o.db, () => {});
  const login = await api.call('auth.login', { username: 'rina', password: FIXTURE_PASSWORD }, null);
  if (!login.ok) throw new Error(login.error.message);
  const token = (login.value as { sessionToken: string }).sessionToken;
  const call = (method: MethodName, input: unknown) => api.call(method, input as never, token);
  return { ...o, call };
}

/** Each family method with its input for a family id. */
const FAMILY_METHODS: [MethodName, (kpmId: number) => unknown][] = [
  ['business.family', (kpmId) => ({ kpmId })],
  ['business.save', (kpmId) => ({ kpmId, type: 'jasa', startDate: '2026-02-01', entry: entry('2026-04-01', 5) })],
  [
    'business.addTraining',
    (kpmId) => ({
      kpmId,
      course: 'Tata boga',
      institution: 'BLK Kota',
      startDate: '2026-03-01',
      endDate: '2026-03-05',
      completed: true,
      certificate: true,
      certificateNumber: 'BLK-01',
    }),
  ],
  [
    'business.addOnlineShop',
    (kpmId) => ({ kpmId, platform: 'Shopee', accountName: 'Warung Bu Uji', since: '2026-03-01' }),
  ],
  ['business.addPena', (kpmId) => ({ kpmId, scheme: 'Modal usaha', amount: 2_000_000, date: '2026-03-01' })],
];

describe('a pendamping account and the business methods', () => {
  it.each(FAMILY_METHODS)(
    '%s: its own family yes, another pendamping family NOT_FOUND with nothing written',
    async (method, input) => {
      const o = await apiOffice();
      const rows = () =>
        o.db.$client.prepare("SELECT count(*) FROM audit_log WHERE entity LIKE 'business%'").pluck().get();
      const before = rows();
      const other = await o.call(method, input(o.dediGrads[0]));
      expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(rows()).toBe(before);
      const own = await o.call(method, input(o.rinaGrads[0]));
      expect(own.ok, JSON.stringify(own)).toBe(true);
    },
  );

  it('the report, its xlsx and PDF, and the BLK/PENA lists hold only its own families', async () => {
    const o = await apiOffice();
    const report = await o.call('business.report', {});
    expect(report.ok && report.value).toMatchObject({ total: { graduates: 6, withBusiness: 1 } });
    const list = await o.call('business.candidates', { purpose: 'blk' });
    expect(list.ok && (list.value as { kpmId: number }[]).map((r) => r.kpmId)).toEqual([o.rinaGrads[0]]);
    const file = await o.call('business.candidatesXlsx', { purpose: 'pena' });
    expect(file.ok && (file.value as { rows: number }).rows).toBe(1);
    // Kecamatan and programme rows of its own families only: one kecamatan, one "no programme" row, none slipped.
    const sheet = await o.call('business.reportXlsx', {});
    expect(sheet.ok && (sheet.value as { rows: number }).rows).toBe(2);
    const printed = await o.call('business.reportPdf', {});
    const text = pdfText(pdfFile(printed.ok ? (printed.value as { base64: string }).base64 : ''));
    expect(text).toContain('Pekalongan Barat');
    expect(text).not.toContain('Pekalongan Timur');
  });

  it('may not touch KUBE groups or the UMK', async () => {
    const o = await apiOffice();
    const kube = { name: 'KUBE', businessType: 'jasa', formedDate: '2026-03-01', kpmIds: o.rinaGrads.slice(0, 5) };
    for (const [method, input] of [
      ['business.kubes', {}],
      ['business.kube', { id: 1 }],
      ['business.addKubeMember', { kubeId: 1, kpmId: o.rinaGrads[0] }],
      ['business.removeKubeMember', { kubeId: 1, kpmId: o.rinaGrads[0] }],
      ['business.createKube', kube],
      ['business.addKubeAsset', { kubeId: 1, name: 'Etalase', value: 1, acquiredDate: '2026-03-01' }],
      ['business.setUmk', { umk: 2_000_000 }],
    ] as [MethodName, unknown][]) {
      expect(await o.call(method, input), method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await o.call('business.umk', {})).toMatchObject({ ok: true, value: { umk: 0 } });
  });
});

describe('the scoping tests', () => {
  it('call every business method', () => {
    const called = [
      ...FAMILY_METHODS.map(([m]) => m),
      'business.report',
      'business.candidates',
      'business.candidatesXlsx',
      'business.reportXlsx',
      'business.kubes',
      'business.kube',
      'business.createKube',
      'business.addKubeMember',
      'business.removeKubeMember',
      'business.addKubeAsset',
      'business.setUmk',
      'business.umk',
      'business.reportPdf',
    ];
    expect(Object.keys(businessContract).sort()).toEqual(called.sort());
  });
});
