import { app, safeStorage } from 'electron';
import { join } from 'node:path';
import { DomainError } from '../shared/errors';
import { VAULT_FILE_NAME, VaultFile, fileVault, type PasswordVault } from '../workspace/password-vault';

/**
 * The desktop app's password vault (main/workspace/password-vault.ts): each password
 * encrypted with Electron's safeStorage, which on Windows is DPAPI (only the same Windows
 * user on this machine can decrypt it; macOS: the Keychain; Linux: the desktop's secret
 * store), in userData/passwords.json. It refuses to keep a password where safeStorage cannot
 * encrypt, or on Linux would fall back to a fixed key ('basic_text'): the password file
 * (pgpass) is then the place for it. Used only after the app is ready (safeStorage needs it).
 */
function refuse(why: string): never {
  throw new DomainError(
    'vault.unavailable',
    `This computer offers no safe place to keep the password (${why}), so it is not kept: put it in your PostgreSQL password file (%APPDATA%\\postgresql\\pgpass.conf on Windows, ~/.pgpass elsewhere) instead.`,
    'password',
  );
}

function checkAvailable(): void {
  if (!safeStorage.isEncryptionAvailable()) refuse('the operating system\'s encryption is not available');
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') refuse('no secret store on this desktop');
}

export function electronVault(): PasswordVault {
  const file = new VaultFile(join(app.getPath('userData'), VAULT_FILE_NAME));
  const kind = process.platform === 'win32' ? "Windows' DPAPI (for your Windows account on this computer)" : "the operating system's secret store";
  return fileVault(
    kind,
    file,
    (password) => {
      checkAvailable();
      return safeStorage.encryptString(password);
    },
    (sealed) => {
      checkAvailable();
      return safeStorage.decryptString(sealed);
    },
  );
}
