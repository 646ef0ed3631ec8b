import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppDatabase } from '../app-database';
import { AppError } from '../domain/errors';
import { SYSTEM_ACTOR } from '../services/actor';
import {
  type BackupInfo,
  backupDetails,
  createBackup,
  type DatabaseOrigin,
  listBackups,
  matchOrigin,
  onSameDisk,
  originOfFile,
} from '../services/backup';
import { BACKUP_REASON_LABEL } from '../services/backup/types';
import type { BackupItem, BackupStatus, backupContract, DatabaseStatus } from './backup.contract';
import type { HandlerContext, HandlersOf } from './handlers';

const IMPORT_SAVING = 'Sedang menyimpan impor; pemulihan dan pencadangan menunggu sampai selesai.';
const DAY_HOURS = 24;

export const backupHandlers = {
  'database.status': ({ database }) => databaseStatus(database),
  'database.recover': async ({ database, importJobs }, input) => {
    if (database.isOpen) {
      throw new AppError(
        'CONFLICT',
        'Database dalam keadaan baik. Pemulihan cadangan dilakukan administrator di Pengaturan > Cadangan.',
      );
    }
    refuseWhileImportSaves(importJobs);
    if (input.action === 'salvage') {
      if (database.health.state !== 'damaged') {
        throw new AppError('CONFLICT', 'Salinan penyelamatan hanya untuk berkas database yang rusak.');
      }
      return { ...databaseStatus(database), salvage: await database.salvage() };
    }
    if (input.action === 'choose') database.chooseFile(input.file);
    // Nobody is logged in: the restored database records that the recovery screen did it.
    else await database.restore(input.backup, { ...SYSTEM_ACTOR, username: 'layar pemulihan' });
    return databaseStatus(database);
  },
  'backup.status': ({ database }) => backupStatus(database),
  'backup.list': ({ database }, input) => {
    const current = database.origin();
    return listBackups(database.backupFolder).map((b) => item(b, input.details, current));
  },
  'backup.now': async ({ database, importJobs }) => {
    refuseWhileImportSaves(importJobs);
    try {
      const info = database.scheduler
        ? await database.scheduler.backup('manual')
        : await createBackup(database.db, database.backupFolder, 'manual');
      return item(info, false, database.origin());
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('INTERNAL', `Pencadangan gagal: ${error instanceof Error ? error.message : String(error)}`);
    }
  },
  'backup.setFolder': ({ database }, input) => {
    const folder = resolve(input.folder);
    if (!canWriteFolder(folder)) {
      throw new AppError('INVALID_INPUT', `Folder ${folder} tidak dapat ditulisi.`, {
        fields: { folder: 'Folder tidak dapat dibuat atau ditulisi. Pilih folder lain (mis. di flashdisk).' },
      });
    }
    database.setBackupFolder(folder);
    return backupStatus(database);
  },
  'backup.restore': async ({ database, importJobs, actor, user }, input) => {
    refuseWhileImportSaves(importJobs);
    const { restored, keptAs, reason } = await database.restore(input.backup, actor, user?.fullName);
    const current = database.origin();
    return { restored: item(restored, false, current), keptAs: keptAs && item(keptAs, false, current), reason };
  },
} satisfies HandlersOf<typeof backupContract>;

function refuseWhileImportSaves(importJobs: HandlerContext['importJobs']): void {
  if (importJobs.isSaving()) throw new AppError('BUSY', IMPORT_SAVING);
}

/** A backup as the screens show it: its reason in words, its office and whether it is this database's. */
function item(info: BackupInfo, details: boolean, current: DatabaseOrigin | null): BackupItem {
  const origin = originOfFile(info.file);
  const base = {
    ...info,
    reasonLabel: BACKUP_REASON_LABEL[info.reason] ?? info.reason,
    office: origin.office,
    match: current ? matchOrigin(current, origin) : ('sama' as const),
  };
  if (!details) return base;
  try {
    return { ...base, counts: backupDetails(info.file).counts };
  } catch {
    return base; // an unreadable copy still lists; restore verifies it again
  }
}

function databaseStatus(database: AppDatabase): DatabaseStatus {
  let backups: BackupItem[] = [];
  // Asked at every start: the backups (each opened to count its rows) only matter in recovery mode.
  if (!database.isOpen) {
    try {
      const current = database.origin();
      backups = listBackups(database.backupFolder)
        .slice(0, 10)
        .map((b) => item(b, true, current));
    } catch {
      // No readable backup folder: the screen offers "choose another file" only.
    }
  }
  const { state, file, message } = database.health;
  return { state, file, message, backupFolder: database.backupFolder, backups };
}

export function backupStatus(database: AppDatabase, now = new Date()): BackupStatus {
  const folder = database.backupFolder;
  let latest: BackupInfo | undefined;
  let unreadable: string | null = null;
  const current = database.origin();
  try {
    // This database's newest copy: another office's in a shared folder says nothing about this one's.
    latest = listBackups(folder).find((b) => !current || matchOrigin(current, originOfFile(b.file)) === 'sama');
  } catch (error) {
    // A drive unplugged or a folder gone wrong: the home page says so instead of failing.
    unreadable = `Folder cadangan ${folder} tidak dapat dibaca (${error instanceof Error ? error.message : error}).`;
  }
  const last = latest ? item(latest, false, current) : null;
  const ageHours = last ? (now.getTime() - new Date(last.at).getTime()) / 3_600_000 : null;
  const lastFailure = database.scheduler?.lastFailure ?? null;
  let warning: string | null = unreadable;
  if (lastFailure && (!last || lastFailure.at > last.at)) {
    warning = `Pencadangan otomatis terakhir gagal: ${lastFailure.message}`;
  } else if (!last) {
    warning ??= 'Belum ada cadangan. Klik "Cadangkan sekarang" di Pengaturan > Cadangan.';
  } else if (ageHours !== null && ageHours > DAY_HOURS) {
    warning = `Cadangan terakhir dibuat lebih dari ${Math.floor(ageHours / DAY_HOURS)} hari lalu.`;
  }
  return { folder, sameDisk: onSameDisk(folder, database.file), last, ageHours, warning, lastFailure };
}

/** Made if needed and tried with a small file: a USB drive may be write-protected. */
function canWriteFolder(folder: string): boolean {
  try {
    mkdirSync(folder, { recursive: true });
    const probe = join(folder, `.uji-tulis-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
    return true;
  } catch {
    return false;
  }
}
