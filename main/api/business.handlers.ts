/** Graduates' businesses (main/services/business). */
import { fileFilters } from '../domain/export-log';
import { todayIso } from '../domain/format';
import { familyBusiness } from '../services/business/family';
import {
  addKubeAsset,
  addKubeMember,
  createKube,
  getKube,
  listKubes,
  removeKubeMember,
} from '../services/business/kube';
import { candidateList, candidateListXlsx } from '../services/business/lists';
import { addOnlineShop, addPena, addTraining, saveBusiness } from '../services/business/records';
import { businessReport } from '../services/business/report';
import { businessReportPdf, businessReportXlsx } from '../services/business/report-files';
import { getUmk, setUmk } from '../services/business/settings';
import { logged } from '../services/exports/log';
import { nikFor, seesFullNik } from '../services/security-settings';
import type { businessContract } from './business.contract';
import type { HandlersOf } from './handlers';

/** The report names the families that slipped back (no NIK): logged like the other reports. */
const reportLog = (input: { districtCode?: string; programId?: number }) => ({
  templateName: 'Laporan usaha keluarga graduasi',
  kind: 'business_report' as const,
  filters: fileFilters({ kecamatan: input.districtCode, program: input.programId }),
  nikMode: 'none' as const,
});

export const businessHandlers = {
  'business.family': ({ db, actor }, input) => familyBusiness(db, actor, input.kpmId),
  'business.save': ({ db, actor, clock }, input) => saveBusiness(db, actor, input, todayIso(clock.now())),
  'business.addTraining': ({ db, actor, clock }, input) => addTraining(db, actor, input, todayIso(clock.now())),
  'business.addOnlineShop': ({ db, actor, clock }, input) => addOnlineShop(db, actor, input, todayIso(clock.now())),
  'business.addPena': ({ db, actor, clock }, input) => addPena(db, actor, input, todayIso(clock.now())),
  'business.umk': ({ db }) => ({ umk: getUmk(db) }),
  'business.setUmk': ({ db, actor }, input) => setUmk(db, actor, input.umk),
  'business.kubes': ({ db, actor }) => listKubes(db, actor),
  'business.kube': ({ db, actor }, input) => getKube(db, actor, input.id),
  'business.createKube': ({ db, actor }, input) => createKube(db, actor, input),
  'business.addKubeMember': ({ db, actor, clock }, input) =>
    addKubeMember(db, actor, input.kubeId, input.kpmId, todayIso(clock.now())),
  'business.removeKubeMember': ({ db, actor }, input) => removeKubeMember(db, actor, input.kubeId, input.kpmId),
  'business.addKubeAsset': ({ db, actor, clock }, input) => addKubeAsset(db, actor, input, todayIso(clock.now())),
  'business.report': ({ db, actor }, input) => businessReport(db, actor, input),
  'business.reportXlsx': async ({ db, actor }, input) => {
    const file = await businessReportXlsx(db, actor, input);
    return logged(db, actor, file, { ...reportLog(input), templateKey: 'business.reportXlsx', rows: file.rows });
  },
  'business.reportPdf': async ({ db, actor }, input) => {
    const file = await businessReportPdf(db, actor, input);
    return logged(db, actor, file, { ...reportLog(input), templateKey: 'business.reportPdf', rows: file.pages });
  },
  'business.candidates': ({ db, actor }, input) => candidateList(db, actor, input),
  'business.candidatesXlsx': async ({ db, actor }, input) => {
    const file = await candidateListXlsx(db, actor, input, nikFor(db, actor.role));
    return logged(db, actor, file, {
      templateKey: 'business.candidatesXlsx',
      templateName: file.fileName.replace('.xlsx', ''),
      kind: 'business_list',
      filters: fileFilters({
        keperluan: input.purpose,
        kecamatan: input.districtCode,
        jenis: input.type,
        belumPelatihan: input.noTrainingYet ? 'ya' : undefined,
      }),
      nikMode: seesFullNik(db, actor.role) ? 'full' : 'masked',
      rows: file.rows,
    });
  },
} satisfies HandlersOf<typeof businessContract>;
