import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCATION_FILE_NAME, readWorkspaceLocation, writeWorkspaceLocation } from '../../main/workspace/location-file';
import { DomainError } from '../../main/shared/errors';

describe('the remembered workspace location (userData/workspace-location.json)', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'board-secretariat-location-'));
    file = join(dir, LOCATION_FILE_NAME);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is nothing until a workspace is remembered', () => {
    expect(readWorkspaceLocation(file)).toBeNull();
  });

  it('gives back what was written, a file path or a PostgreSQL address, the last one winning, with no temporary file left', () => {
    writeWorkspaceLocation(file, 'C:\\Users\\clerk\\Documents\\board.db');
    expect(readWorkspaceLocation(file)).toBe('C:\\Users\\clerk\\Documents\\board.db');
    writeWorkspaceLocation(file, 'postgres://clerk@db.example.org/board?sslmode=verify-full');
    expect(readWorkspaceLocation(file)).toBe('postgres://clerk@db.example.org/board?sslmode=verify-full');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ target: 'postgres://clerk@db.example.org/board?sslmode=verify-full' });
    expect(readdirSync(dir)).toEqual([LOCATION_FILE_NAME]);
  });

  it('refuses a file that does not name a workspace, rather than opening the default one silently', () => {
    for (const text of ['not json', '{}', '{"target": ""}', '{"target": 7}', 'null']) {
      writeFileSync(file, text);
      let err: unknown;
      try {
        readWorkspaceLocation(file);
      } catch (e) {
        err = e;
      }
      expect(err, text).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe('workspace.locationUnreadable');
      expect((err as DomainError).message).toContain(file);
    }
  });
});
