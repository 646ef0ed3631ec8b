/** What the awards services return across the contract. Money is whole rupiah. */
import type { AwardItem, AwardLine, AwardProgram } from '../../../db/schema';
import type { AwardStage } from '../../domain/awards';

/** A programme's money: budget and what each stage holds (corrected awards counted once, as corrected). */
export interface BudgetFigures {
  budget: number;
  planned: number;
  approved: number;
  handedOver: number;
  /** budget - (planned + approved + handedOver) */
  remaining: number;
  /** Families (awards) per stage. */
  counts: Record<AwardStage, number>;
}

export interface ProgramSummary extends AwardProgram, BudgetFigures {}

/** A graduated family a programme may reward now. */
export interface EligibleFamily {
  kpmId: number;
  nama: string;
  nik: string;
  desa: string;
  kecamatan: string;
  graduation: 'graduasi_mandiri' | 'graduasi_alamiah';
  graduatedOn: string;
}

export interface AwardRow {
  id: number;
  programId: number;
  programName: string;
  kpmId: number;
  nama: string;
  nik: string;
  desa: string;
  kecamatan: string;
  stage: AwardStage;
  businessType: string;
  total: number;
  cash: number;
  /** '2 x Etalase kaca; 1 x Kompor gas' */
  packageText: string;
  plannedByName: string;
  approvedByName: string | null;
  handoverDate: string | null;
  bastNumber: string | null;
  correctsAwardId: number | null;
  /** Set when a later correction replaced this award (it no longer counts). */
  correctedByAwardId: number | null;
  cancelReason: string | null;
}

export interface AwardDetail extends AwardRow {
  lines: AwardLine[];
  notes: string;
  receiverName: string | null;
  receiverRelationship: string | null;
  witnesses: { name: string; position: string }[];
  bastDocumentId: number | null;
  correctionReason: string | null;
}

export interface GroupFigure {
  key: string;
  label: string;
  families: number;
  planned: number;
  approved: number;
  handedOver: number;
}

export interface AwardReport {
  /** The programmes in the filter with their budget figures. */
  programs: ProgramSummary[];
  totals: BudgetFigures;
  byDistrict: GroupFigure[];
  byVillage: (GroupFigure & { district: string })[];
  bySource: GroupFigure[];
  byBusiness: GroupFigure[];
}

export type { AwardItem };
