import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { createDispatcher, type Dispatcher } from '../../main/api/dispatch';
import { DEFAULT_YEARLY_BENEFIT } from '../../main/domain/komponen';
import type { Actor } from '../../main/services/actor';
import { createKpm, deactivateKpm, getBenefitAmounts } from '../../main/services/kpm';
import { benefitChangeImpact, updateBenefitAmounts } from '../../main/services/settings';
import { ADMIN } from '../support/office';
import { familyInput, setUpOffice } from './helpers';

let db: Db;
let admin: Actor;
let api: Dispatcher;
let session: string;

beforeEach(async () => {
  ({ db, admin } = await setUpOffice());
  api = createDispatcher(db, () => {});
  const login = await api.call('auth.login', { username: 'admin', password: ADMIN.password }, null);
  if (!login.ok) throw new Error(login.error.message);
  session = (login.value as { sessionToken: string }).sessionToken;
});
afterEach(() => db.$client.close());

function saved(result: ReturnType<typeof createKpm>): number {
  if (result.status !== 'saved') throw new Error(`not saved: ${JSON.stringify(result.warnings)}`);
  return result.id;
}

/** Three families: SMA + SD children; an elderly pengurus alone; SD child but the family has left. */
function registerFamilies() {
  saved(createKpm(db, admin, familyInput()));
  saved(
    createKpm(
      db,
      admin,
      familyInput({
        idKpm: 'P000000000002',
        noKk: '3375010101100002',
        nik: '3375014507500005',
        tanggalLahir: '1950-07-05',
        komponen: 'lanjut_usia',
        members: [],
        acceptWarnings: true,
      }),
    ),
  );
  const left = saved(
    createKpm(
      db,
      admin,
      familyInput({
        idKpm: 'P000000000003',
        noKk: '3375010101100003',
        nik: '3375014507850009',
        members: [{ nama: 'Anak Tiga', hubungan: 'anak', jenisKelamin: 'L', komponen: 'anak_sd' }],
        acceptWarnings: true,
      }),
    ),
  );
  deactivateKpm(db, admin, left, 'Pindah ke luar daerah', '2026-01-05');
}

const withChanges = (changes: Partial<typeof DEFAULT_YEARLY_BENEFIT>) => ({ ...getBenefitAmounts(db), ...changes });

describe('the impact of new benefit amounts', () => {
  it('counts the active families holding a komponen whose amount changes', () => {
    registerFamilies();
    expect(benefitChangeImpact(db, withChanges({}))).toEqual({ changed: [], families: 0 });
    expect(benefitChangeImpact(db, withChanges({ anak_sd: 1_000_000 }))).toEqual({ changed: ['anak_sd'], families: 1 });
    expect(benefitChangeImpact(db, withChanges({ anak_sd: 1_000_000, lanjut_usia: 2_500_000 }))).toEqual({
      changed: ['anak_sd', 'lanjut_usia'],
      families: 2,
    });
    expect(benefitChangeImpact(db, withChanges({ ibu_hamil: 3_100_000 }))).toEqual({
      changed: ['ibu_hamil'],
      families: 0,
    });
  });

  it('saves the amounts with an audit naming how many families changed', () => {
    registerFamilies();
    updateBenefitAmounts(db, admin, withChanges({ lanjut_usia: 2_500_000 }));
    expect(getBenefitAmounts(db).lanjut_usia).toBe(2_500_000);
    const audit = db.$client
      .prepare("SELECT summary FROM audit_log WHERE entity = 'settings' ORDER BY id DESC LIMIT 1")
      .get() as { summary: string };
    expect(audit.summary).toBe('Besaran bantuan per komponen diubah (1 komponen, 1 KPM aktif terdampak)');
  });
});

describe('the contract for benefit amounts', () => {
  it.each([
    ['anak_sd', -900_000, 'Nominal Anak SD/sederajat tidak boleh negatif.'],
    [
      'lanjut_usia',
      24_000_000,
      'Nominal Lanjut usia (70+) paling banyak Rp10.000.000 per tahun; periksa jumlah nolnya.',
    ],
    ['anak_smp', 1_500_000.5, 'Nominal Anak SMP/sederajat harus bilangan bulat rupiah, tanpa sen.'],
  ])('refuses %s = %d with a message at its field and saves nothing', async (komponen, value, message) => {
    const amounts = { ...DEFAULT_YEARLY_BENEFIT, [komponen]: value };
    for (const method of ['settings.benefitChangeImpact', 'settings.updateBenefitAmounts']) {
      const result = await api.call(method, { amounts }, session);
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', fields: { [`amounts.${komponen}`]: message } },
      });
    }
    expect(getBenefitAmounts(db)).toEqual(DEFAULT_YEARLY_BENEFIT);
  });

  it('refuses a table with a komponen left out', async () => {
    const { anak_sd: _left, ...amounts } = DEFAULT_YEARLY_BENEFIT;
    const result = await api.call('settings.updateBenefitAmounts', { amounts }, session);
    expect(result).toMatchObject({
      ok: false,
      error: { fields: { 'amounts.anak_sd': expect.stringMatching(/Anak SD/) } },
    });
  });

  it('accepts the ceiling itself and answers the impact', async () => {
    const amounts = { ...DEFAULT_YEARLY_BENEFIT, anak_sma: 10_000_000 };
    expect(await api.call('settings.benefitChangeImpact', { amounts }, session)).toEqual({
      ok: true,
      value: { changed: ['anak_sma'], families: 0 },
    });
  });
});
