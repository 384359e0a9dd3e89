import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Where a workspace file must not live. SQLite in WAL mode keeps a shared-memory index
 * (-shm) and a write-ahead log (-wal) beside the file and relies on the operating system's
 * file locks between them; a network share does not honour those locks reliably, and a sync
 * client (OneDrive, SharePoint, Dropbox, Google Drive, iCloud) uploads and replaces the three
 * files one at a time, so a synced copy is often a torn mix of two moments. Either can lose
 * or corrupt records without a word. The way out is the same for both.
 */
export interface LocationWarning {
  code: 'location.network' | 'location.syncFolder';
  message: string;
}

export interface Mount {
  point: string;
  type: string;
}

export interface LocationInput {
  /** The workspace file, as opened (absolute). */
  path: string;
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  /** Linux: the mounts from /proc/mounts (ignored elsewhere). */
  mounts?: readonly Mount[];
  /** Windows: drive letters mapped to network shares ("H" → "\\\\server\\share"), from `net use`. */
  mappedDrives?: ReadonlyMap<string, string>;
}

const WAY_OUT =
  'Move the workspace to a folder on this laptop (for example Documents, outside any synced folder) and open it from there; its backups (Settings → Backups) keep copies of it.';

/** Linux file-system types that live on another machine. */
const NETWORK_TYPES = new Set(['nfs', 'nfs4', 'cifs', 'smb3', 'smbfs', 'fuse.sshfs', 'sshfs', 'afs', '9p', 'fuse.rclone', 'davfs', 'fuse.davfs2', 'ceph', 'glusterfs', 'fuse.glusterfs']);

/** Folder names that sync clients create, as they appear in a path (compared case-insensitively). */
const SYNC_FOLDER: { test: (segment: string) => boolean; client: string }[] = [
  { test: (s) => s === 'onedrive' || s.startsWith('onedrive - ') || s.startsWith('onedrive-'), client: 'OneDrive' },
  { test: (s) => s.includes('sharepoint'), client: 'SharePoint' },
  { test: (s) => s === 'dropbox' || s.startsWith('dropbox (') || s.startsWith('dropbox-'), client: 'Dropbox' },
  { test: (s) => s === 'google drive' || s === 'my drive' || s.startsWith('googledrive-'), client: 'Google Drive' },
  { test: (s) => s === 'icloud drive' || s === 'iclouddrive' || s === 'mobile documents' || s === 'com~apple~clouddocs', client: 'iCloud Drive' },
];

/** Windows environment variables that name the user's OneDrive folders. */
const ONEDRIVE_VARS = ['OneDrive', 'OneDriveCommercial', 'OneDriveConsumer'];

function isWindowsPath(platform: NodeJS.Platform, path: string): boolean {
  return platform === 'win32' || /^[a-zA-Z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

/** \\server\share\… or \\?\UNC\server\share\… — but not \\?\C:\… (a local path in long form). */
export function isUncPath(path: string): boolean {
  if (/^\\\\\?\\UNC\\/i.test(path)) return true;
  if (/^\\\\[?.]\\/.test(path)) return false;
  return /^\\\\[^\\]+\\[^\\]+/.test(path);
}

function segments(path: string, windows: boolean): string[] {
  return path.split(windows ? /[\\/]+/ : /\/+/).filter((s) => s !== '');
}

function under(path: string, folder: string, windows: boolean): boolean {
  const norm = (p: string) => (windows ? p.replace(/\//g, '\\').replace(/\\+$/, '').toLowerCase() : p.replace(/\/+$/, ''));
  if (!windows && folder === '/') return path.startsWith('/');
  const f = norm(folder);
  const p = norm(path);
  return f !== '' && (p === f || p.startsWith(f + (windows ? '\\' : '/')));
}

/** The mount that holds `path`: the longest mount point that is a prefix of it. */
export function mountOf(path: string, mounts: readonly Mount[]): Mount | undefined {
  let best: Mount | undefined;
  for (const m of mounts) {
    if (under(path, m.point, false) && (!best || m.point.length > best.point.length)) best = m;
  }
  return best;
}

/** Parses /proc/mounts: "device point type options 0 0", with spaces in names written \040. */
export function parseMounts(text: string): Mount[] {
  const unescape = (s: string) => s.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8)));
  const mounts: Mount[] = [];
  for (const line of text.split('\n')) {
    const [, point, type] = line.split(' ');
    if (point && type) mounts.push({ point: unescape(point), type });
  }
  return mounts;
}

/** The mounts of this machine (Linux only; elsewhere, and if unreadable, none). */
export function readMounts(platform: NodeJS.Platform = process.platform): Mount[] {
  if (platform !== 'linux') return [];
  try {
    return parseMounts(readFileSync('/proc/mounts', 'utf8'));
  } catch {
    return [];
  }
}

/**
 * Parses what Windows' `net use` prints: a line per connection, "OK           H:        \\\\fs01\\Board   Microsoft Windows Network"
 * (the status may be blank, Disconnected or Unavailable; the last column may wrap onto the next
 * line). Lines without a drive letter (connections to a share with no letter) are left out.
 */
export function parseNetUse(text: string): Map<string, string> {
  const drives = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /(?:^|\s)([A-Za-z]):\s+(\\\\\S+)/.exec(line);
    if (m) drives.set(m[1]!.toUpperCase(), m[2]!);
  }
  return drives;
}

/** Windows only: the mapped network drives, read once (elsewhere, or if `net use` fails, none). */
export function readMappedDrives(platform: NodeJS.Platform = process.platform): Map<string, string> {
  if (platform !== 'win32') return new Map();
  try {
    return parseNetUse(execFileSync('net', ['use'], { encoding: 'utf8', timeout: 3000, windowsHide: true }));
  } catch {
    return new Map();
  }
}

/**
 * The warnings for a workspace at `path`: on a network share (UNC path, or a drive letter
 * mapped to one; on Linux a mount of a network file-system type) or inside a sync client's folder. Pure: the caller supplies the
 * environment and the mounts.
 */
export function locationWarnings({ path, platform, env, mounts = [], mappedDrives = new Map() }: LocationInput): LocationWarning[] {
  const windows = isWindowsPath(platform, path);
  const warnings: LocationWarning[] = [];
  const drive = windows ? /^([a-zA-Z]):[\\/]/.exec(path)?.[1]?.toUpperCase() : undefined;
  const share = drive ? mappedDrives.get(drive) : undefined;
  if (drive && share) {
    warnings.push({
      code: 'location.network',
      message: `This workspace is on a network drive (${drive}: is ${share}). SQLite cannot keep a workspace safe over a network: two computers, or a dropped connection, can corrupt it. ${WAY_OUT}`,
    });
  } else if (windows && isUncPath(path)) {
    const share = /^\\\\(?:\?\\UNC\\)?([^\\]+\\[^\\]+)/i.exec(path)?.[1] ?? '';
    warnings.push({
      code: 'location.network',
      message: `This workspace is on a network share (\\\\${share}). SQLite cannot keep a workspace safe over a network: two computers, or a dropped connection, can corrupt it. ${WAY_OUT}`,
    });
  } else if (!windows) {
    const mount = mountOf(path, mounts);
    if (mount && NETWORK_TYPES.has(mount.type)) {
      warnings.push({
        code: 'location.network',
        message: `This workspace is on a network drive (${mount.point}, ${mount.type}). SQLite cannot keep a workspace safe over a network: two computers, or a dropped connection, can corrupt it. ${WAY_OUT}`,
      });
    }
  }

  let client: string | undefined;
  if (windows) {
    for (const name of ONEDRIVE_VARS) {
      const folder = env[name];
      if (folder && under(path, folder, true)) client = /sharepoint/i.test(folder) ? 'SharePoint' : 'OneDrive';
    }
  }
  if (!client) {
    // The file's own name is not a folder: a workspace called dropbox.db is not in Dropbox.
    const folders = segments(path, windows).slice(0, -1).map((s) => s.toLowerCase());
    client = SYNC_FOLDER.find((c) => folders.some(c.test))?.client;
  }
  if (client) {
    warnings.push({
      code: 'location.syncFolder',
      message: `This workspace is inside a folder that ${client} keeps in sync. ${client} uploads and replaces the workspace file and its companion files one at a time while the app writes to them, which can lose recent changes or corrupt the workspace. ${WAY_OUT}`,
    });
  }
  return warnings;
}
