/**
 * The one office every test, end-to-end test, benchmark and the seed set up: a Dinas Sosial with its
 * kabupaten/kota, head of office and first administrator. Synthetic people only.
 */
import type { Db } from '../../db/open';
import type { SetupInput } from '../../main/domain/schemas';
import type { Actor } from '../../main/services/actor';
import { actorOf } from '../../main/services/auth';
import { listAllRegencies } from '../../main/services/regions';
import { completeSetup } from '../../main/services/setup';

/** Kota Pekalongan: small (4 kecamatan, 27 desa/kelurahan), so setting it up is quick. */
export const PEKALONGAN = { code: '3375', name: 'Kota Pekalongan' };

/** The first administrator; also the demo login the README gives for a seeded database. */
export const ADMIN = { username: 'admin', password: 'admin12345', fullName: 'Rahmat Hidayat' };

/** The office profile for a kabupaten/kota, as the setup wizard would collect it. */
export function officeProfile(regency: { code: string; name: string } = PEKALONGAN): SetupInput['office'] {
  return {
    agencyName: `Dinas Sosial ${regency.name}`,
    regencyCode: regency.code,
    address: 'Jl. Contoh No. 1 (data sintetis)',
    phone: '(0285) 421234',
    email: '',
    logo: null,
    headName: 'Dra. SRI WAHYUNI, M.Si.',
    headRank: 'Pembina Utama Muda (IV/c)',
    headNip: '197203151998032004',
  };
}

/** The Kota Pekalongan office, for tests that type it into the setup wizard. */
export const OFFICE = officeProfile();

/** Completes the first-run setup of an empty database for the regency; returns the administrator. */
export async function setUpTestOffice(db: Db, regencyCode = PEKALONGAN.code): Promise<{ admin: Actor }> {
  const regency = (await listAllRegencies()).find((r) => r.code === regencyCode);
  if (!regency) throw new Error(`Kode kabupaten/kota ${regencyCode} tidak dikenal.`);
  const { admin } = await completeSetup(db, { office: officeProfile(regency), admin: ADMIN });
  return { admin: actorOf(admin) };
}
