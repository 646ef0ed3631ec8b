import type { ReactNode } from 'react';
import { BUSINESS_DUTIES } from '../main/domain/business';
import {
  ACCOUNT_DUTIES,
  EXPORT_DUTIES,
  FAMILY_DUTIES,
  IMPORT_DUTIES,
  P2K2_DUTIES,
  PROGRESS_DUTIES,
  SETTINGS_DUTIES,
} from '../main/domain/duties';
import type { Role } from '../main/domain/enums';
import { AwardProgramPage } from './pages/award-program.page';
import { AwardsPage } from './pages/awards.page';
import { CandidatesPage } from './pages/candidates.page';
import { DashboardPage } from './pages/dashboard.page';
import { DocumentsPage } from './pages/documents.page';
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
import { ProposalDetailPage } from './pages/proposal-detail.page';
import { ProposalsPage } from './pages/proposals.page';
import { ReportsPage } from './pages/reports.page';
import { SettingsPage } from './pages/settings.page';
import { TargetPage } from './pages/target.page';
import { UsahaGraduasiPage } from './pages/usaha-graduasi.page';
import { UsersPage } from './pages/users.page';
import { VerificationPage } from './pages/verification.page';
import { VerifyDocumentPage } from './pages/verify.page';

export interface AppRoute {
  path: string;
  element: ReactNode;
  /** The window title ("Daftar KPM – Graduasi PKH"): a screen reader announces it and the taskbar shows it. */
  title: string;
  /** Shown in the navbar under this label; pages without it are reached from other pages. */
  navLabel?: string;
  /** Only these roles see the page; empty or absent means every logged-in user. */
  roles?: readonly Role[];
}

/**
 * Every page of the application in navbar order. A new page is one entry here: its route and,
 * with navLabel, its place in the navigation.
 */
export const ROUTES: AppRoute[] = [
  { path: '/', title: 'Beranda', navLabel: 'Beranda', element: <DashboardPage /> },
  { path: '/kpm', title: 'Daftar KPM', navLabel: 'Data KPM', element: <KpmListPage /> },
  { path: '/kpm/baru', title: 'Tambah KPM', element: <KpmNewPage />, roles: FAMILY_DUTIES.edit },
  { path: '/kpm/:id', title: 'Data keluarga', element: <KpmDetailPage /> },
  { path: '/kpm/:id/ubah', title: 'Ubah data keluarga', element: <KpmEditPage />, roles: FAMILY_DUTIES.edit },
  { path: '/calon-graduasi', title: 'Calon graduasi', navLabel: 'Calon graduasi', element: <CandidatesPage /> },
  {
    path: '/impor',
    title: 'Impor data',
    navLabel: 'Impor Data',
    element: <ImportPage />,
    roles: IMPORT_DUTIES.run,
  },
  { path: '/verifikasi', title: 'Verifikasi calon', navLabel: 'Verifikasi', element: <VerificationPage /> },
  { path: '/usulan', title: 'Usulan & Penetapan', navLabel: 'Usulan & Penetapan', element: <ProposalsPage /> },
  { path: '/usulan/:id', title: 'Usulan graduasi', element: <ProposalDetailPage /> },
  { path: '/bantuan', title: 'Bantuan usaha', navLabel: 'Bantuan usaha', element: <AwardsPage /> },
  { path: '/bantuan/:id', title: 'Program bantuan', element: <AwardProgramPage /> },
  { path: '/agenda-surat', title: 'Agenda surat', navLabel: 'Agenda surat', element: <DocumentsPage /> },
  { path: '/ekspor', title: 'Ekspor data', navLabel: 'Ekspor data', element: <ExportsPage /> },
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
  },
  { path: '/p2k2', title: 'P2K2', navLabel: 'P2K2', element: <P2k2Page /> },
  { path: '/p2k2/kelompok/:id', title: 'Kelompok P2K2', element: <P2k2GroupPage /> },
  { path: '/p2k2/pertemuan/:id', title: 'Pertemuan P2K2', element: <P2k2MeetingPage /> },
  { path: '/pemantauan', title: 'Pemantauan', navLabel: 'Pemantauan', element: <PemantauanPage /> },
  {
    path: '/usaha-graduasi',
    title: 'Usaha keluarga graduasi',
    navLabel: 'Usaha graduasi',
    element: <UsahaGraduasiPage />,
    roles: BUSINESS_DUTIES.view,
  },
  { path: '/laporan', title: 'Laporan', navLabel: 'Laporan', element: <ReportsPage /> },
  { path: '/laporan-p2k2', title: 'Laporan P2K2', navLabel: 'Laporan P2K2', element: <P2k2ReportsPage /> },
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
  { path: '/pendamping', title: 'Pendamping', navLabel: 'Pendamping', element: <PendampingPage /> },
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
  return !route.roles || route.roles.length === 0 || route.roles.includes(role);
}
