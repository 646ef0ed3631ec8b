import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Graduasi PKH';
export const DATABASE_FILE_NAME = 'graduasi-pkh.db';

/**
 * The per-user data folder, the same one Electron's app.getPath('userData') gives, so the desktop app
 * and browser mode open the same database by default.
 */
export function userDataFolder(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

export function defaultDatabaseFile(): string {
  return join(userDataFolder(), DATABASE_FILE_NAME);
}

/** WAL needs shared memory, which network shares do not provide reliably: warn before opening one. */
export function looksLikeNetworkPath(file: string): boolean {
  return file.startsWith('\\\\') || file.startsWith('//') || /^\/(mnt|media|net)\/[^/]+\/.*smb/i.test(file);
}
