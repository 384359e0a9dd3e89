import { describe, expect, it } from 'vitest';
import { isUncPath, locationWarnings, mountOf, parseMounts, parseNetUse, type Mount } from '../../main/db/location';

const codes = (path: string, platform: NodeJS.Platform, env: Record<string, string> = {}, mounts: Mount[] = []) =>
  locationWarnings({ path, platform, env, mounts }).map((w) => w.code);

describe('where a workspace lives: Windows', () => {
  const env = {
    OneDrive: 'C:\\Users\\jsmith\\OneDrive - Kent Police',
    OneDriveCommercial: 'C:\\Users\\jsmith\\OneDrive - Kent Police',
    OneDriveConsumer: 'C:\\Users\\jsmith\\OneDrive',
  };

  it('says nothing about a folder on this laptop', () => {
    expect(codes('C:\\Users\\jsmith\\Documents\\Board Secretariat\\workspace.db', 'win32', env)).toEqual([]);
    expect(codes('D:\\VRU\\workspace.db', 'win32', env)).toEqual([]);
    // A long-form local path is not a network share.
    expect(codes('\\\\?\\C:\\VRU\\workspace.db', 'win32', env)).toEqual([]);
  });

  it('warns about a UNC path, naming the share', () => {
    const [w] = locationWarnings({ path: '\\\\kpfs01\\VRU$\\Board\\workspace.db', platform: 'win32', env });
    expect(w?.code).toBe('location.network');
    expect(w?.message).toContain('on a network share (\\\\kpfs01\\VRU$)');
    expect(w?.message).toContain('Move the workspace to a folder on this laptop');
    expect(w?.message).toContain('Move the workspace to a folder on this laptop');
    expect(codes('\\\\?\\UNC\\kpfs01\\VRU\\workspace.db', 'win32', env)).toEqual(['location.network']);
  });

  it('warns about a drive letter mapped to a network share, read from `net use`', () => {
    // What `net use` prints on an office laptop (one connection's last column wraps).
    const netUse = [
      'New connections will be remembered.',
      '',
      '',
      'Status       Local     Remote                    Network',
      '',
      '-------------------------------------------------------------------------------',
      'OK           H:        \\\\kpfs01\\home$\\jsmith     Microsoft Windows Network',
      'Disconnected S:        \\\\kpfs01\\VRU$            Microsoft Windows Network',
      'OK                     \\\\kpfs02\\IPC$            Microsoft Windows Network',
      'Unavailable  T:        \\\\opcc-files.kent.police.uk\\Secretariat',
      '                                                Microsoft Windows Network',
      'The command completed successfully.',
    ].join('\r\n');
    const drives = parseNetUse(netUse);
    expect([...drives]).toEqual([
      ['H', '\\\\kpfs01\\home$\\jsmith'],
      ['S', '\\\\kpfs01\\VRU$'],
      ['T', '\\\\opcc-files.kent.police.uk\\Secretariat'],
    ]);
    const [w] = locationWarnings({ path: 's:\\Board\\workspace.db', platform: 'win32', env, mappedDrives: drives });
    expect(w).toMatchObject({ code: 'location.network' });
    expect(w?.message).toContain('on a network drive (S: is \\\\kpfs01\\VRU$)');
    // A letter that is not mapped is a disk of this laptop.
    expect(locationWarnings({ path: 'D:\\VRU\\workspace.db', platform: 'win32', env, mappedDrives: drives })).toEqual([]);
  });

  it('warns about the OneDrive folders named by OneDrive, OneDriveCommercial and OneDriveConsumer, in any letter case', () => {
    expect(codes('C:\\Users\\jsmith\\OneDrive - Kent Police\\VRU\\workspace.db', 'win32', env)).toEqual(['location.syncFolder']);
    expect(codes('c:\\users\\JSMITH\\onedrive\\workspace.db', 'win32', env)).toEqual(['location.syncFolder']);
    // Moved by Known Folder Move to a folder whose name says nothing: only the variable tells.
    expect(codes('E:\\Synced\\VRU\\workspace.db', 'win32', { OneDriveCommercial: 'E:\\Synced' })).toEqual(['location.syncFolder']);
    // A sibling whose name starts the same is not inside it.
    expect(codes('C:\\Users\\jsmith\\OneDriveBackup\\workspace.db', 'win32', { OneDrive: 'C:\\Users\\jsmith\\OneDrive' })).toEqual([]);
  });

  it('names the sync client by its folder when no variable says so', () => {
    const message = (path: string) => locationWarnings({ path, platform: 'win32', env: {} })[0]?.message ?? '';
    expect(message('C:\\Users\\jsmith\\OneDrive - Kent Police\\workspace.db')).toContain('inside a folder that OneDrive keeps in sync');
    expect(message('C:\\Users\\jsmith\\Kent Police\\VRU - SharePoint Documents\\workspace.db')).toContain('inside a folder that SharePoint keeps in sync');
    expect(message('C:\\Users\\jsmith\\Dropbox\\VRU\\workspace.db')).toContain('inside a folder that Dropbox keeps in sync');
    expect(message('G:\\My Drive\\VRU\\workspace.db')).toContain('inside a folder that Google Drive keeps in sync');
    expect(message('C:\\Users\\jsmith\\Google Drive\\workspace.db')).toContain('inside a folder that Google Drive keeps in sync');
    expect(message('C:\\Users\\jsmith\\iCloudDrive\\workspace.db')).toContain('inside a folder that iCloud Drive keeps in sync');
  });

  it('does not take the file name for a folder', () => {
    expect(codes('C:\\VRU\\Dropbox', 'win32', {})).toEqual([]);
  });

  it('gives both warnings for a synced folder on a share', () => {
    expect(codes('\\\\kpfs01\\home\\jsmith\\OneDrive - Kent Police\\workspace.db', 'win32', {})).toEqual(['location.network', 'location.syncFolder']);
  });
});

describe('where a workspace lives: Linux and macOS', () => {
  const mounts = parseMounts(
    [
      '/dev/nvme0n1p2 / ext4 rw,relatime 0 0',
      'kpfs01:/export/vru /mnt/vru nfs4 rw,relatime,vers=4.2 0 0',
      '//kpfs01/Board\\040Papers /mnt/board\\040papers cifs rw,relatime 0 0',
      'jsmith@host:/srv /home/jsmith/remote fuse.sshfs rw,nosuid 0 0',
      'tmpfs /tmp tmpfs rw 0 0',
    ].join('\n'),
  );

  it('reads /proc/mounts, spaces (\\040) included', () => {
    expect(mounts).toContainEqual({ point: '/mnt/board papers', type: 'cifs' });
    expect(mountOf('/mnt/vru/board/workspace.db', mounts)).toEqual({ point: '/mnt/vru', type: 'nfs4' });
    expect(mountOf('/mnt/vrux/workspace.db', mounts)).toEqual({ point: '/', type: 'ext4' });
  });

  it('warns about nfs, cifs and sshfs mounts, and not about local ones', () => {
    expect(codes('/home/jsmith/workspace.db', 'linux', {}, mounts)).toEqual([]);
    expect(codes('/tmp/workspace.db', 'linux', {}, mounts)).toEqual([]);
    expect(codes('/mnt/vru/workspace.db', 'linux', {}, mounts)).toEqual(['location.network']);
    expect(codes('/mnt/board papers/workspace.db', 'linux', {}, mounts)).toEqual(['location.network']);
    expect(codes('/home/jsmith/remote/workspace.db', 'linux', {}, mounts)).toEqual(['location.network']);
    expect(locationWarnings({ path: '/mnt/vru/workspace.db', platform: 'linux', env: {}, mounts })[0]?.message).toContain('on a network drive (/mnt/vru, nfs4)');
  });

  it('warns about Dropbox, Google Drive and iCloud folders', () => {
    expect(codes('/home/jsmith/Dropbox/VRU/workspace.db', 'linux', {}, mounts)).toEqual(['location.syncFolder']);
    expect(codes('/Users/jsmith/Library/Mobile Documents/com~apple~CloudDocs/workspace.db', 'darwin', {})).toEqual(['location.syncFolder']);
    expect(codes('/Users/jsmith/Library/CloudStorage/OneDrive-KentPolice/workspace.db', 'darwin', {})).toEqual(['location.syncFolder']);
    expect(codes('/Users/jsmith/Library/CloudStorage/GoogleDrive-jsmith@kent.police.uk/My Drive/workspace.db', 'darwin', {})).toEqual(['location.syncFolder']);
    expect(codes('/home/jsmith/dropbox-notes/workspace.db', 'linux', {}, mounts)).toEqual(['location.syncFolder']);
    expect(codes('/home/jsmith/Documents/dropboxes/workspace.db', 'linux', {}, mounts)).toEqual([]);
  });
});

describe('UNC paths', () => {
  it('are \\\\server\\share and \\\\?\\UNC\\…, not \\\\?\\C:\\ or \\\\.\\', () => {
    expect(isUncPath('\\\\server\\share\\a.db')).toBe(true);
    expect(isUncPath('\\\\?\\UNC\\server\\share\\a.db')).toBe(true);
    expect(isUncPath('\\\\?\\C:\\a.db')).toBe(false);
    expect(isUncPath('\\\\.\\pipe\\x')).toBe(false);
    expect(isUncPath('C:\\a.db')).toBe(false);
    expect(isUncPath('\\\\server')).toBe(false);
  });
});
