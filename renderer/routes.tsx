import type { ReactNode } from 'react';
import { BUSINESS_DUTIES } from '../main/domain/business';
import { GRADUATION_DUTIES } from '../main/domain/decision';
import {
  ACCOUNT_DUTIES,
  AWARD_DUTIES,
  CANDIDATE_DUTIES,
  DOCUMENT_DUTIES,
  EXPORT_DUTIES,
  FAMILY_DUTIES,
  IMPORT_DUTIES,
  P2K2_DUTIES,
  PENDAMPING_DUTIES,
  PROGRESS_DUTIES,
  REPORT_DUTIES,
  SETTINGS_DUTIES,
  VERKOM_DUTIES,
  VISIT_DUTIES,
  WORK_PLAN_DUTIES,
} from '../main/domain/duties';
import type { Role } from '../main/domain/enums';
import { COMPLAINT_DUTIES, EVALUATION_DUTIES } from '../main/domain/evaluation';
import { AwardProgramPage } from './pages/award-program.page';
import { AwardsPage } from './pages/awards.page';
import { CandidatesPage } from './pages/candidates.page';
import { ComplaintsPage } from './pages/complaints.page';
import { DashboardPage } from './pages/dashboard.page';
import { DocumentsPage } from './pages/documents.page';
import { EvaluationPage } from './pages/evaluation.page';
import { ExportLogPage } from './pages/export-log.page';
import { ExportsPage } from './pages/exports.page';
import { ImportPage } from './pages/import.page';
import { KpmDetailPage } from './pages/kpm-detail.page';
import { KpmEditPage } from './pages/kpm-edit.page';
import { KpmListPage } from './pages/kpm-list.page';
import { KpmNewPage } from './pages/kpm-new.page';
import { P2k2Page } from './pages/p2k2.page';
import { P2k2GroupPage } from './pages/p2k2-group.page';
import { P2k2MeetingPage } from './pages/p2k2-meeting.page';
import { P2k2ReportsPage } from './pages/p2k2-reports.page';
import { P2k2SheetPage } from './pages/p2k2-sheet.page';
import { PemantauanPage } from './pages/pemantauan.page';
import { PendampingPage } from './pages/pendamping.page';
import { PendampingMonthPage } from './pages/pendamping-month.page';
import { ProposalDetailPage } from './pages/proposal-detail.page';
import { ProposalsPage } from './pages/proposals.page';
import { ReportsPage } from './pages/reports.page';
import { SettingsPage } from './pages/settings.page';
import { TargetPage } from './pages/target.page';
import { UsahaGraduasiPage } from './pages/usaha-graduasi.page';
import { UsersPage } from './pages/users.page';
import { VerificationPage } from './pages/verification.page';
import { VerifyDocumentPage } from './pages/verify.page';
import { VerkomPage } from './pages/verkom.page';
import { WorkPlanPage } from './pages/workplan.page';

export interface AppRoute {
  path: string;
  element: ReactNode;
  /** The window title ("Daftar KPM – Graduasi PKH"): a screen reader announces it and the taskbar shows it. */
  title: string;
  /** Shown in the navbar under this label; pages without it are reached from other pages. */
  navLabel?: string;
  /** Only these roles see the page: a duty's entry (main/domain/duties.ts), never a list written here. */
  roles: readonly Role[];
}

/**
 * Every page of the application in navbar order. A new page is one entry here: its route and,
 * with navLabel, its place in the navigation.
 */
export const ROUTES: AppRoute[] = [
  // Every account's home: the office's figures, or a pendamping's own families and month.
  { path: '/', title: 'Beranda', navLabel: 'Beranda', element: <DashboardPage />, roles: FAMILY_DUTIES.viewOwn },
  {
    path: '/kpm',
    title: 'Daftar KPM',
    navLabel: 'Data KPM',
    element: <KpmListPage />,
    roles: FAMILY_DUTIES.viewOwn,
  },
  { path: '/kpm/baru', title: 'Tambah KPM', element: <KpmNewPage />, roles: FAMILY_DUTIES.edit },
  { path: '/kpm/:id', title: 'Data keluarga', element: <KpmDetailPage />, roles: FAMILY_DUTIES.viewOwn },
  { path: '/kpm/:id/ubah', title: 'Ubah data keluarga', element: <KpmEditPage />, roles: FAMILY_DUTIES.edit },
  {
    path: '/calon-graduasi',
    title: 'Calon graduasi',
    navLabel: 'Calon graduasi',
    element: <CandidatesPage />,
    roles: CANDIDATE_DUTIES.view,
  },
  {
    path: '/impor',
    title: 'Impor data',
    navLabel: 'Impor Data',
    element: <ImportPage />,
    roles: IMPORT_DUTIES.run,
  },
  {
    path: '/verifikasi',
    title: 'Verifikasi calon',
    navLabel: 'Verifikasi',
    element: <VerificationPage />,
    roles: GRADUATION_DUTIES.view,
  },
  {
    path: '/usulan',
    title: 'Usulan & Penetapan',
    navLabel: 'Usulan & Penetapan',
    element: <ProposalsPage />,
    roles: GRADUATION_DUTIES.view,
  },
  { path: '/usulan/:id', title: 'Usulan graduasi', element: <ProposalDetailPage />, roles: GRADUATION_DUTIES.view },
  {
    path: '/bantuan',
    title: 'Bantuan usaha',
    navLabel: 'Bantuan usaha',
    element: <AwardsPage />,
    roles: AWARD_DUTIES.view,
  },
  { path: '/bantuan/:id', title: 'Program bantuan', element: <AwardProgramPage />, roles: AWARD_DUTIES.view },
  {
    path: '/agenda-surat',
    title: 'Agenda surat',
    navLabel: 'Agenda surat',
    element: <DocumentsPage />,
    roles: DOCUMENT_DUTIES.view,
  },
  {
    path: '/ekspor',
    title: 'Ekspor data',
    navLabel: 'Ekspor data',
    element: <ExportsPage />,
    roles: EXPORT_DUTIES.run,
  },
  {
    path: '/log-ekspor',
    title: 'Log ekspor',
    navLabel: 'Log ekspor',
    element: <ExportLogPage />,
    roles: EXPORT_DUTIES.log,
  },
  {
    path: '/verifikasi-dokumen',
    title: 'Verifikasi dokumen',
    navLabel: 'Verifikasi dokumen',
    element: <VerifyDocumentPage />,
    roles: DOCUMENT_DUTIES.view,
  },
  { path: '/p2k2', title: 'P2K2', navLabel: 'P2K2', element: <P2k2Page />, roles: P2K2_DUTIES.viewOwn },
  { path: '/p2k2/kelompok/:id', title: 'Kelompok P2K2', element: <P2k2GroupPage />, roles: P2K2_DUTIES.viewOwn },
  { path: '/p2k2/pertemuan/:id', title: 'Pertemuan P2K2', element: <P2k2MeetingPage />, roles: P2K2_DUTIES.viewOwn },
  {
    path: '/rencana-kerja',
    title: 'Rencana kerja bulanan',
    navLabel: 'Rencana kerja',
    element: <WorkPlanPage />,
    roles: WORK_PLAN_DUTIES.view,
  },
  {
    path: '/pemantauan',
    title: 'Pemantauan',
    navLabel: 'Pemantauan',
    element: <PemantauanPage />,
    roles: VISIT_DUTIES.view,
  },
  { path: '/laporan', title: 'Laporan', navLabel: 'Laporan', element: <ReportsPage />, roles: REPORT_DUTIES.view },
  {
    path: '/laporan-p2k2',
    title: 'Laporan P2K2',
    navLabel: 'Laporan P2K2',
    element: <P2k2ReportsPage />,
    roles: P2K2_DUTIES.view,
  },
  {
    path: '/pengaduan',
    title: 'Pengaduan',
    navLabel: 'Pengaduan',
    element: <ComplaintsPage />,
    roles: COMPLAINT_DUTIES.view,
  },
  {
    path: '/evaluasi',
    title: 'Evaluasi pendamping',
    navLabel: 'Evaluasi',
    element: <EvaluationPage />,
    roles: EVALUATION_DUTIES.view,
  },
  {
    path: '/evaluasi/laporan/:id',
    title: 'Laporan kinerja bulanan',
    element: <PendampingMonthPage />,
    roles: EVALUATION_DUTIES.view,
  },
  {
    path: '/verkom',
    title: 'Verifikasi komitmen',
    navLabel: 'Verifikasi komitmen',
    element: <VerkomPage />,
    roles: VERKOM_DUTIES.view,
  },
  {
    path: '/usaha-graduasi',
    title: 'Usaha keluarga graduasi',
    navLabel: 'Usaha graduasi',
    element: <UsahaGraduasiPage />,
    roles: BUSINESS_DUTIES.view,
  },
  {
    path: '/p2k2/pertemuan/:id/pindai',
    title: 'Daftar hadir P2K2',
    element: <P2k2SheetPage />,
    roles: P2K2_DUTIES.record,
  },
  {
    path: '/target',
    title: 'Target graduasi',
    navLabel: 'Target',
    element: <TargetPage />,
    roles: PROGRESS_DUTIES.targets,
  },
  {
    path: '/pendamping',
    title: 'Pendamping',
    navLabel: 'Pendamping',
    element: <PendampingPage />,
    roles: PENDAMPING_DUTIES.view,
  },
  {
    path: '/pengguna',
    title: 'Pengguna',
    navLabel: 'Pengguna',
    element: <UsersPage />,
    roles: ACCOUNT_DUTIES.manageUsers,
  },
  {
    path: '/pengaturan',
    title: 'Pengaturan',
    navLabel: 'Pengaturan',
    element: <SettingsPage />,
    roles: SETTINGS_DUTIES.edit,
  },
];

export function allowed(route: AppRoute, role: Role): boolean {
  return route.roles.includes(role);
}
