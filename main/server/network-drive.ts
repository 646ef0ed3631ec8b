/**
 * Server mode refuses a database on a network drive or share: SQLite's WAL needs shared memory beside the
 * file, which network file systems do not provide reliably, so several writers there corrupt the file.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve, win32 } from 'node:path';

/** What the check reads of the machine; tests pass made-up ones. */
export interface DriveFacts {
  platform: NodeJS.Platform;
  /** The text of /proc/mounts (Linux). */
  mounts: () => string;
  /** The Win32_LogicalDisk DriveType of a drive letter such as 'Z:' (4 is a network drive), or null. */
  driveType: (letter: string) => number | null;
}

const NETWORK_FILE_SYSTEMS = /^(nfs|nfs4|cifs|smb|smbfs|smb2|smb3|9p|afs|fuse\.sshfs)$/;
const NETWORK_DRIVE_TYPE = 4;

export const MACHINE_DRIVES: DriveFacts = {
  platform: process.platform,
  mounts: () => readFileSync('/proc/mounts', 'utf8'),
  driveType: (letter) => {
    try {
      const filter = `DeviceID='${letter.replace(/[^A-Za-z:]/g, '')}'`;
      const out = execFileSync(
        'powershell.exe',
        ['-NoProfile', '-Command', `(Get-CimInstance Win32_LogicalDisk -Filter "${filter}").DriveType`],
        { encoding: 'utf8', timeout: 5000, windowsHide: true },
      );
      const type = Number.parseInt(out.trim(), 10);
      return Number.isNaN(type) ? null : type;
    } catch {
      return null;
    }
  },
};

/** Why the database file cannot be served (a message for the administrator), or null when it is on a local disk. */
export function networkDriveReason(file: string, facts: DriveFacts = MACHINE_DRIVES): string | null {
  const where = networkLocation(file, facts);
  if (!where) return null;
  return (
    `Database berada di ${where} (${file}). Mode server tidak dapat dijalankan dari folder jaringan karena ` +
    'berkas database bisa rusak bila diubah dari sana. Pindahkan database ke disk lokal komputer server ' +
    '(misalnya C:) lalu coba lagi.'
  );
}

function networkLocation(file: string, facts: DriveFacts): string | null {
  if (file.startsWith('\\\\') || file.startsWith('//')) return 'folder bersama jaringan';
  if (facts.platform === 'win32') {
    const letter = /^([A-Za-z]:)/.exec(win32.resolve(file))?.[1];
    return letter && facts.driveType(letter.toUpperCase()) === NETWORK_DRIVE_TYPE ? `drive jaringan ${letter}` : null;
  }
  if (facts.platform !== 'linux') return null;
  const type = mountTypeOf(resolve(file), readMounts(facts));
  return type && NETWORK_FILE_SYSTEMS.test(type) ? `folder jaringan (${type})` : null;
}

function readMounts(facts: DriveFacts): string {
  try {
    return facts.mounts();
  } catch {
    return '';
  }
}

/** The file system type of the longest mount point holding `file`. */
function mountTypeOf(file: string, mounts: string): string | null {
  let best: { point: string; type: string } | null = null;
  for (const line of mounts.split('\n')) {
    const [, rawPoint, type] = line.split(' ');
    if (!rawPoint || !type) continue;
    // /proc/mounts writes a space in a mount point as \040.
    const point = rawPoint.replace(/\\040/g, ' ');
    const inside = point === '/' || file === point || file.startsWith(`${point}/`);
    if (inside && (!best || point.length > best.point.length)) best = { point, type };
  }
  return best?.type ?? null;
}
