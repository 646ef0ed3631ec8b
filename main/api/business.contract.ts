/**
 * Graduates' businesses: the business with its dated entries, training referrals (BLK), online selling, PENA,
 * KUBE groups, the UMK setting and the report with its lists. Who may do what is BUSINESS_DUTIES
 * (main/domain/business.ts); a pendamping account reaches only its own families (the services check).
 */
import { z } from 'zod';
import type { CandidateRow } from '../../db/queries/business';
import type { KubeGroup, OnlineShop, PenaParticipation, Training } from '../../db/schema';
import {
  businessReportSchema,
  businessSaveSchema,
  candidateListSchema,
  kubeAssetSchema,
  kubeCreateSchema,
  kubeMemberSchema,
  onlineShopSchema,
  penaSchema,
  trainingSchema,
  umkSchema,
} from '../domain/business';
import type { FamilyBusiness } from '../services/business/family';
import type { KubeDetail } from '../services/business/kube';
import type { BusinessSaved } from '../services/business/records';
import type { BusinessReport } from '../services/business/report';
import type { PdfFile } from '../services/documents/types';
import { id, method } from './method';

export type { BusinessReport, BusinessSaved, CandidateRow, FamilyBusiness, KubeDetail };

const kpmRef = z.object({ kpmId: z.number().int().positive() });
const none = z.object({}).default({});

export const businessContract = {
  /** The family's business, latest figures against the UMK and its timeline, newest first. */
  'business.family': method<FamilyBusiness>()(kpmRef, { duty: 'business.view' }),
  'business.save': method<BusinessSaved>()(businessSaveSchema, { duty: 'business.record' }),
  'business.addTraining': method<Training>()(trainingSchema, { duty: 'business.record' }),
  'business.addOnlineShop': method<OnlineShop>()(onlineShopSchema, { duty: 'business.record' }),
  'business.addPena': method<PenaParticipation>()(penaSchema, { duty: 'business.record' }),
  'business.umk': method<{ umk: number }>()(none, { duty: 'business.view' }),
  'business.setUmk': method<{ umk: number }>()(umkSchema, { duty: 'business.settings' }),
  'business.kubes': method<KubeGroup[]>()(none, { duty: 'business.kubeView' }),
  'business.kube': method<KubeDetail>()(id, { duty: 'business.kubeView' }),
  /** Forms a KUBE of 5 to 10 graduated families, none already in another KUBE. */
  'business.createKube': method<KubeDetail>()(kubeCreateSchema, { duty: 'business.kube' }),
  'business.addKubeMember': method<KubeDetail>()(kubeMemberSchema, { duty: 'business.kube' }),
  'business.removeKubeMember': method<KubeDetail>()(kubeMemberSchema, { duty: 'business.kube' }),
  'business.addKubeAsset': method<KubeDetail>()(kubeAssetSchema, { duty: 'business.kube' }),
  'business.report': method<BusinessReport>()(businessReportSchema, { duty: 'business.view' }),
  /** The report as .xlsx and as an A4 PDF under the kop; both name the slipped-back families: logged. */
  'business.reportXlsx': method<{ fileName: string; base64: string; rows: number }>()(businessReportSchema, {
    duty: 'business.view',
    file: 'logged',
  }),
  'business.reportPdf': method<PdfFile>()(businessReportSchema, { duty: 'business.view', file: 'logged' }),
  'business.candidates': method<CandidateRow[]>()(candidateListSchema, { duty: 'business.view' }),
  /** The BLK class or PENA proposal list as .xlsx, with NIK as the viewer may see it: logged. */
  'business.candidatesXlsx': method<{ fileName: string; base64: string; rows: number }>()(candidateListSchema, {
    duty: 'business.view',
    file: 'logged',
  }),
} as const;
