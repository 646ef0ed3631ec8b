/**
 * The state of the awards story (programme, plan, approval, handover) at each of its steps, set up through the
 * services so each Chromium step starts where the one before it ends without clicking through it: three
 * graduated families, a pimpinan, the catalogue item and the programme, planned by the administrator, approved by
 * the pimpinan, the first family handed over. Dates follow the app's year (the e2e server runs on the real clock).
 */
import { programSchema } from '../../main/domain/awards';
import type { Role } from '../../main/domain/enums';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { actorOf, insertUser, listUsers } from '../../main/services/auth';
import { saveItem } from '../../main/services/awards/items';
import { planAwards } from '../../main/services/awards/plan';
import { saveProgram } from '../../main/services/awards/programs';
import { approveAwards } from '../../main/services/awards/stages';
import { decideGraduations } from './graduation';
import { ADMIN } from './office';
import { registerFamily, type WebServer } from './web';

export const YEAR = new Date().getFullYear();

export const FAMILIES = [
  { idKpm: 'P-BTN-1', nik: '3375014101800021', noKk: '3375010101200021', nama: 'SRI MULYANI HANDAYANI' },
  { idKpm: 'P-BTN-2', nik: '3375014202810022', noKk: '3375010101200022', nama: 'NUR HASANAH' },
  { idKpm: 'P-BTN-3', nik: '3375014303820023', noKk: '3375010101200023', nama: 'TRI WAHYUNINGSIH' },
];
export const NAMES = FAMILIES.map((f) => f.nama);

export const PIMPINAN = { username: 'pimpinan1', fullName: 'Bambang Sutrisno', password: 'rahasia123' };

/** The programme of the story: Rp20.000.000, Rp1.500.000-Rp5.000.000 per family, goods and cash. */
export const PROGRAM = { name: 'Bantuan Usaha Graduasi APBD', budget: '20000000', min: '1500000', max: '5000000' };
/** Its package per family: one etalase and Rp500.000 cash, Rp3.000.000 in all. */
export const ETALASE = { name: 'Etalase kaca', unit: 'unit', price: '2500000' };
export const CASH = '500000';

/** Families graduated by an approved decision dated early this year (inside a programme's default period). */
export function graduate(web: WebServer, count: number): number[] {
  const kpmIds = FAMILIES.slice(0, count).map((f) =>
    registerFamily(web, { ...f, districtCode: '337501', villageCode: '3375011002', alamat: 'Jl. Uji No. 7' }),
  );
  decideGraduations(web.db, { kpmIds, skDate: `${YEAR}-01-15` });
  return kpmIds;
}

/** The administrator as the services' actor. */
export function adminActor(web: WebServer) {
  const users = listUsers(web.db);
  return actorOf(users.find((u) => u.username === ADMIN.username) ?? users[0]);
}

export async function addUser(web: WebServer, user: typeof PIMPINAN, role: Role) {
  return actorOf(await insertUser(web.db, SYSTEM_ACTOR, { ...user, role }));
}

export interface StoryState {
  programId: number;
  kpmIds: number[];
  awardIds: number[];
}

/**
 * The story up to `stage`: "planned" (planned by the administrator), "approved" (approved by the pimpinan)
 * or "handed_over" (and the first family handed over in a hall, written as the handover writes it).
 */
export async function awardStory(web: WebServer, stage: 'planned' | 'approved' | 'handed_over'): Promise<StoryState> {
  const kpmIds = graduate(web, FAMILIES.length);
  const admin = adminActor(web);
  const pimpinan = await addUser(web, PIMPINAN, 'pimpinan');
  const item = saveItem(web.db, admin, {
    name: ETALASE.name,
    unit: ETALASE.unit,
    unitPrice: Number(ETALASE.price),
    supplier: '',
    active: true,
  });
  const program = saveProgram(
    web.db,
    admin,
    programSchema.parse({
      name: PROGRAM.name,
      year: YEAR,
      fundingSource: 'APBD',
      sponsorName: '',
      budget: Number(PROGRAM.budget),
      form: 'campuran',
      minPerFamily: Number(PROGRAM.min),
      maxPerFamily: Number(PROGRAM.max),
      graduationTypes: ['graduasi_mandiri', 'graduasi_alamiah'],
      graduatedFrom: `${YEAR}-01-01`,
      graduatedTo: `${YEAR}-12-31`,
      status: 'active',
    }),
  );
  planAwards(web.db, admin, {
    programId: program.id,
    kpmIds,
    package: { lines: [{ itemId: item.id, quantity: 1 }], cash: Number(CASH) },
    businessType: 'Warung kelontong',
    notes: '',
  });
  const awardIds = web.db.$client.prepare('SELECT id FROM awards ORDER BY kpm_id').pluck().all() as number[];
  if (stage !== 'planned') approveAwards(web.db, pimpinan, { awardIds });
  if (stage === 'handed_over') {
    web.db.$client
      .prepare(
        `UPDATE awards SET stage = 'handed_over', handover_date = ?, handover_place = 'Aula Dinas Sosial' WHERE id = ?`,
      )
      .run(`${YEAR}-02-01`, awardIds[0]);
  }
  return { programId: program.id, kpmIds, awardIds };
}

/** Each award's family, stage and total, in the order of the families. */
export const awardStages = (web: WebServer) =>
  web.db.$client.prepare('SELECT kpm_id, stage, total FROM awards ORDER BY kpm_id').all() as {
    kpm_id: number;
    stage: string;
    total: number;
  }[];
