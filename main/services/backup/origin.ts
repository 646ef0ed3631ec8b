/**
 * Whose data a database file holds: its own identity (`database_identity`, a random id written once by its
 * migration and carried by every backup of it) and the office it was set up for. A restore puts back this
 * database's data only: a backup of another office, or of another database of this office, is refused.
 */
import Database from 'better-sqlite3';
import { databaseIdOf, officeOf, tableNames } from '../../../db/queries/database-file';
import { AppError } from '../../domain/errors';
import { type BackupOffice, officeText } from '../../domain/office-origin';

export type { BackupOffice };

export interface DatabaseOrigin {
  /** Null for a file made before identities were recorded (or not readable). */
  databaseId: string | null;
  /** Null before the first-run setup (or not readable). */
  office: BackupOffice | null;
}

/** How a backup relates to this database: its own, another office's, another database of this office. */
export type OriginMatch = 'sama' | 'kantor_lain' | 'database_lain';

/** The origin recorded in an open database (the app's connection, or a backup opened read-only). */
export function readOrigin(sqlite: Database.Database): DatabaseOrigin {
  const tables = tableNames(sqlite);
  const databaseId = tables.has('database_identity') ? databaseIdOf(sqlite) : null;
  const office = tables.has('office') ? officeOf(sqlite) : null;
  return { databaseId, office };
}

/** The origin of a database file, opened read-only; unknown (nulls) when the file cannot be read. */
export function originOfFile(file: string): DatabaseOrigin {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    return readOrigin(sqlite);
  } catch {
    return { databaseId: null, office: null };
  } finally {
    sqlite?.close();
  }
}

const sameOffice = (a: BackupOffice, b: BackupOffice) =>
  a.regencyCode === b.regencyCode && a.agencyName.trim().toLowerCase() === b.agencyName.trim().toLowerCase();

/**
 * A backup against this database. Both identities known: the same id is this database's; another id is another
 * office's when the offices differ, else another database of this office. A backup made before identities were
 * recorded is told by its office alone.
 */
export function matchOrigin(current: DatabaseOrigin, backup: DatabaseOrigin): OriginMatch {
  const otherOffice = current.office && backup.office && !sameOffice(current.office, backup.office);
  if (otherOffice) return 'kantor_lain';
  if (current.databaseId && backup.databaseId && current.databaseId !== backup.databaseId) return 'database_lain';
  return 'sama';
}

/** The refusal of a restore from another office or another database, naming it and saying what to do instead. */
export function otherOriginError(
  name: string,
  match: Exclude<OriginMatch, 'sama'>,
  current: DatabaseOrigin,
  backup: DatabaseOrigin,
): AppError {
  const whose =
    match === 'kantor_lain'
      ? `berasal dari kantor lain, ${officeText(backup.office)}, bukan dari ${officeText(current.office)}`
      : `berasal dari database lain milik ${officeText(backup.office)}, bukan dari database yang sedang dipakai`;
  return new AppError(
    'OTHER_DATABASE',
    `Cadangan ${name} ${whose}. Database tidak diubah; pilih cadangan database ini.`,
  );
}
