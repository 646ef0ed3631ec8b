/**
 * The graduation workflow's closed lists and their Indonesian labels (DOMAIN.md "The graduation
 * path"). Shared by the schema, the services and the renderer.
 */

/** What kind of exit an exit type records; the office may add its own types of kind 'lainnya'. */
export const EXIT_KINDS = ['graduasi_mandiri', 'graduasi_alamiah', 'lainnya'] as const;
export type ExitKind = (typeof EXIT_KINDS)[number];

/** The two graduation paths a candidate follows. */
export const CANDIDATE_KINDS = ['mandiri', 'alamiah'] as const;
export type CandidateKind = (typeof CANDIDATE_KINDS)[number];
export const CANDIDATE_KIND_LABEL: Record<CandidateKind, string> = {
  mandiri: 'Graduasi sejahtera mandiri',
  alamiah: 'Graduasi alamiah',
};

/**
 * A candidate's stage: candidate (added) -> verified (an assessment recommends it) -> proposed (in a submitted
 * proposal) -> approved / rejected (decided). cancelled: withdrawn before a decision. Stored in English; people read
 * the labels (Calon, Terverifikasi, Diusulkan, Disetujui, Ditolak, Dibatalkan).
 */
export const CANDIDATE_STAGES = ['candidate', 'verified', 'proposed', 'approved', 'rejected', 'cancelled'] as const;
export type CandidateStage = (typeof CANDIDATE_STAGES)[number];
export const CANDIDATE_STAGE_LABEL: Record<CandidateStage, string> = {
  candidate: 'Calon',
  verified: 'Terverifikasi',
  proposed: 'Diusulkan',
  approved: 'Disetujui',
  rejected: 'Ditolak',
  cancelled: 'Dibatalkan',
};
/** Stages in which a family is still in the pipeline: at most one open candidacy per family. */
export const OPEN_STAGES = ['candidate', 'verified', 'proposed'] as const satisfies readonly CandidateStage[];
/** A candidacy withdrawn before its decision: kept, listed as Dibatalkan, counted nowhere. */
export const WITHDRAWN_STAGE = 'cancelled' satisfies CandidateStage;
/** A candidacy just recorded, waiting for its verification visit. */
export const NEW_CANDIDATE_STAGE = 'candidate' satisfies CandidateStage;

/** The KPM list's graduation filter: a family's open or latest candidacy stage, or none (withdrawn counts as none). */
export const GRADUATION_STAGE_FILTER = ['candidate', 'verified', 'proposed', 'approved', 'rejected', 'none'] as const;
export type GraduationStageFilter = (typeof GRADUATION_STAGE_FILTER)[number];
export const GRADUATION_STAGE_FILTER_LABEL: Record<GraduationStageFilter, string> = {
  candidate: 'Calon',
  verified: 'Terverifikasi',
  proposed: 'Diusulkan',
  approved: 'Disetujui',
  rejected: 'Ditolak',
  none: 'Bukan calon',
};

/** Why a family is proposed for graduasi sejahtera mandiri (DOMAIN.md, step 1). */
export const MANDIRI_REASONS = [
  'usaha',
  'pekerjaan_tetap',
  'penghasilan_naik',
  'rumah_layak',
  'aset_bertambah',
  'bersedia_mandiri',
] as const;
export type MandiriReason = (typeof MANDIRI_REASONS)[number];
export const MANDIRI_REASON_LABEL: Record<MandiriReason, string> = {
  usaha: 'Memiliki usaha',
  pekerjaan_tetap: 'Pekerjaan tetap',
  penghasilan_naik: 'Penghasilan meningkat',
  rumah_layak: 'Rumah layak huni',
  aset_bertambah: 'Aset bertambah',
  bersedia_mandiri: 'Bersedia keluar secara sukarela',
};

export const PROPOSAL_STATUS = ['draft', 'submitted', 'decided'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUS)[number];
/** A proposal still being put together: its candidates are not proposed yet. */
export const DRAFT_PROPOSAL = 'draft' satisfies ProposalStatus;
export const PROPOSAL_STATUS_LABEL: Record<ProposalStatus, string> = {
  draft: 'Draf',
  submitted: 'Diajukan',
  decided: 'Diputuskan',
};

export const ITEM_DECISIONS = ['approved', 'rejected'] as const;
export type ItemDecision = (typeof ITEM_DECISIONS)[number];
export const ITEM_DECISION_LABEL: Record<ItemDecision, string> = {
  approved: 'Disetujui',
  rejected: 'Ditolak',
};
/** The decision on a proposal item that graduates its family: every count of decided graduations reads it. */
export const APPROVED_DECISION = 'approved' satisfies ItemDecision;
export const REJECTED_DECISION = 'rejected' satisfies ItemDecision;

export const RECOMMENDATIONS = ['layak', 'belum_layak'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
export const RECOMMENDATION_LABEL: Record<Recommendation, string> = {
  layak: 'Layak graduasi',
  belum_layak: 'Belum layak',
};

/** A target per pendamping: a number of families, or a share of their active families. */
export const TARGET_MODES = ['kpm', 'persen'] as const;
export type TargetMode = (typeof TARGET_MODES)[number];

export const INCOME_BANDS = ['turun', 'tetap', 'naik'] as const;
export type IncomeBand = (typeof INCOME_BANDS)[number];
export const INCOME_BAND_LABEL: Record<IncomeBand, string> = {
  turun: 'Penghasilan turun',
  tetap: 'Penghasilan tetap',
  naik: 'Penghasilan naik',
};
