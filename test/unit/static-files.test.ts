import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInside } from '../../main/api/static-files';

const root = resolve('/srv/app');

describe('resolveInside (the app:// and bridge path guard)', () => {
  it('maps ordinary paths inside the root', () => {
    expect(resolveInside(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveInside(root, '/assets/index-abc.js?v=1')).toBe(join(root, 'assets/index-abc.js'));
    expect(resolveInside(root, '/a%20b.css')).toBe(join(root, 'a b.css'));
  });
  it.each(['/../etc/passwd', '/%2e%2e/etc/passwd', '/assets/../../x', '/..%2f..%2fx', '/a\\..\\b', '/x%00.js', '/%E0%A4%A'])('refuses %s', (p) => {
    expect(resolveInside(root, p)).toBeNull();
  });
});
