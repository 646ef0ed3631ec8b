/**
 * The app's own settings, kept outside the database because they say where the database is: a small JSON
 * file in the user's data folder (`pengaturan.json`). It holds the database file, the backup folder and
 * the databases opened successfully before, so "configured but now missing" can be told from a first run.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { DATABASE_FILE_NAME } from './paths';
import type { DatabaseOrigin } from './services/backup/origin';

export const APP_CONFIG_FILE_NAME = 'pengaturan.json';

const configSchema = z.object({
  databaseFile: z.string().min(1).optional(),
  backupFolder: z.string().min(1).optional(),
  knownDatabases: z.array(z.string()).default([]),
  origins: z
    .record(
      z.string(),
      z.object({
        databaseId: z.string().nullable(),
        office: z.object({ regencyCode: z.string(), regencyName: z.string(), agencyName: z.string() }).nullable(),
      }),
    )
    .default({}),
  officeServer: z.object({ enabled: z.boolean(), address: z.string(), port: z.number().int() }).optional(),
  officeClient: z.object({ address: z.string(), fingerprint: z.string() }).optional(),
});

/** Server mode as the administrator left it: on at the next start when `enabled`. */
export type OfficeServerConfig = NonNullable<z.output<typeof configSchema>['officeServer']>;
/** The desktop client's office server: its address and the certificate fingerprint pinned when first connected. */
export type OfficeClientConfig = NonNullable<z.output<typeof configSchema>['officeClient']>;

export interface AppConfig {
  databaseFile: string;
  backupFolder: string;
  knownDatabases: string[];
  /** Whose data each known database file held when it last opened, so recovery restores only its backups. */
  origins: Record<string, DatabaseOrigin>;
  officeServer?: OfficeServerConfig;
  officeClient?: OfficeClientConfig;
}

/** The config in `folder`; defaults for a first run or an unreadable file (it is rewritten on the next save). */
export function loadAppConfig(folder: string): AppConfig {
  let stored: z.output<typeof configSchema> = { knownDatabases: [], origins: {} };
  try {
    const parsed = configSchema.safeParse(JSON.parse(readFileSync(join(folder, APP_CONFIG_FILE_NAME), 'utf8')));
    if (parsed.success) stored = parsed.data;
  } catch {
    // No file yet (first run) or not JSON: the defaults below.
  }
  return {
    databaseFile: stored.databaseFile ?? join(folder, DATABASE_FILE_NAME),
    // Defaults to the data folder itself, so the "same disk" warning shows until the user picks a USB drive.
    backupFolder: stored.backupFolder ?? join(folder, 'cadangan'),
    knownDatabases: stored.knownDatabases,
    origins: stored.origins,
    ...(stored.officeServer ? { officeServer: stored.officeServer } : {}),
    ...(stored.officeClient ? { officeClient: stored.officeClient } : {}),
  };
}

/** Written to a temporary file and renamed, so a power cut leaves the old config or the new, never half. */
export function saveAppConfig(folder: string, config: AppConfig): void {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, APP_CONFIG_FILE_NAME);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(config, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

/** Changes some settings and saves them; returns the new config. */
export function updateAppConfig(folder: string, change: Partial<AppConfig>): AppConfig {
  const next = { ...loadAppConfig(folder), ...change };
  saveAppConfig(folder, next);
  return next;
}

export function isKnownDatabase(config: AppConfig, file: string): boolean {
  return config.knownDatabases.includes(resolve(file));
}

/**
 * Remembers a database that opened well, with its identity: if it later vanishes, the app says so instead of
 * making a new one, and recovery offers only its backups.
 */
export function rememberDatabase(folder: string, file: string, origin: DatabaseOrigin | null = null): AppConfig {
  const config = loadAppConfig(folder);
  const path = resolve(file);
  const originKnown = origin === null || JSON.stringify(config.origins[path]) === JSON.stringify(origin);
  if (isKnownDatabase(config, file) && originKnown) return config;
  return updateAppConfig(folder, {
    knownDatabases: isKnownDatabase(config, file) ? config.knownDatabases : [...config.knownDatabases, path],
    origins: origin === null ? config.origins : { ...config.origins, [path]: origin },
  });
}
