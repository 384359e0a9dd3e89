import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parsePostgresTarget } from '../db/postgres-store';
import { DomainError } from '../shared/errors';

/**
 * Where the app keeps a person's PostgreSQL password between runs, so it is typed once and
 * never lies in a plain file. The desktop app's vault is Electron's safeStorage (Windows'
 * DPAPI: only the same Windows user on the same machine can decrypt it), in
 * main/electron/password-vault.ts. nodeVault below is for the tests and the browser bridge:
 * AES-256-GCM with a random key in a file of its own beside the passwords, so it protects a
 * copy of the passwords file alone, not the folder; weaker, and said so.
 *
 * The PostgreSQL password file (pgpass) stays the fallback: a target whose password is not in
 * the vault is opened without one, and pg reads the password file then.
 */
export interface PasswordVault {
  /** What protects the passwords, in words for messages and Settings. */
  readonly kind: string;
  save(target: string, password: string): void;
  /** The password kept for the target, or undefined when there is none (or it cannot be decrypted). */
  load(target: string): string | undefined;
  forget(target: string): void;
}

/**
 * The vault's key for a target: the server, database and user it connects to, so the same
 * workspace typed as a URL or in libpq's form (or with other options) finds the same password.
 */
export function vaultKey(target: string): string {
  const t = parsePostgresTarget(target, {});
  return `${t.host}:${t.port}:${t.database}:${t.user}`;
}

/** One file of entries, key → the encrypted password (base64), written whole through a temp file so a crash never leaves half of it. */
export class VaultFile {
  constructor(readonly path: string) {}

  read(): Record<string, string> {
    if (!existsSync(this.path)) return {};
    try {
      const parsed = JSON.parse(readFileSync(this.path, 'utf8')) as unknown;
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch {
      return {}; // A damaged file costs the passwords, which are asked for again; never the workspace.
    }
  }

  write(entries: Record<string, string>): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const temp = `${this.path}.tmp`;
    writeFileSync(temp, JSON.stringify(entries, null, 2), { mode: 0o600 });
    renameSync(temp, this.path);
  }
}

/** A vault over a file, given how to encrypt and decrypt one password. */
export function fileVault(kind: string, file: VaultFile, seal: (password: string) => Buffer, open: (sealed: Buffer) => string): PasswordVault {
  return {
    kind,
    save(target, password) {
      const entries = file.read();
      entries[vaultKey(target)] = seal(password).toString('base64');
      file.write(entries);
    },
    load(target) {
      const sealed = file.read()[vaultKey(target)];
      if (sealed === undefined) return undefined;
      try {
        return open(Buffer.from(sealed, 'base64'));
      } catch {
        return undefined; // Another user's or machine's entry, or a changed key: asked for again.
      }
    },
    forget(target) {
      const entries = file.read();
      if (!(vaultKey(target) in entries)) return;
      delete entries[vaultKey(target)];
      file.write(entries);
    },
  };
}

export const VAULT_FILE_NAME = 'passwords.json';
const KEY_FILE_NAME = 'passwords.key';

function keyIn(dir: string): Buffer {
  const path = join(dir, KEY_FILE_NAME);
  if (existsSync(path)) {
    const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    if (key.length === 32) return key;
    throw new DomainError('vault.badKey', `The key file ${path} of the saved passwords is damaged. Delete it and ${VAULT_FILE_NAME} beside it; the passwords will be asked for again.`);
  }
  mkdirSync(dir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, key.toString('base64'), { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return key;
}

/**
 * The vault of the tests and the browser bridge: AES-256-GCM (a fresh 12-byte nonce per
 * password, the tag checked on reading) with a 256-bit key in passwords.key in `dir`, made on
 * first use and readable by its owner only. Anyone who can read the folder can read the
 * passwords; the desktop app uses DPAPI instead.
 */
export function nodeVault(dir: string): PasswordVault {
  const file = new VaultFile(join(dir, VAULT_FILE_NAME));
  return fileVault(
    'an encryption key in a file beside the passwords (weaker than the desktop app\'s Windows DPAPI)',
    file,
    (password) => {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keyIn(dir), nonce);
      const body = Buffer.concat([cipher.update(password, 'utf8'), cipher.final()]);
      return Buffer.concat([nonce, cipher.getAuthTag(), body]);
    },
    (sealed) => {
      const decipher = createDecipheriv('aes-256-gcm', keyIn(dir), sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  );
}
