import { describe, expect, it } from 'vitest';
import { MAX_EXTERNAL_LINK_LENGTH, describeLinkForLog, externalLinkDecision } from '../../main/electron/external-links';

// What a click on a link may open outside the app (main/electron/security.ts only calls this).
// The boot test (electron-boot.test.ts) checks that the window's navigation and new-window
// handlers really go through it to shell.openExternal.

describe('externalLinkDecision: opened outside the app', () => {
  it.each([
    ['https://www.gov.uk/government/organisations/home-office', 'https://www.gov.uk/government/organisations/home-office'],
    ['https://example.org/report.pdf?year=2019#page=3', 'https://example.org/report.pdf?year=2019#page=3'],
    ['HTTPS://Example.ORG', 'https://example.org/'],
    ['  https://www.gov.uk/  ', 'https://www.gov.uk/'],
    ['mailto:board.secretary@example.gov.uk', 'mailto:board.secretary@example.gov.uk'],
    ['mailto:a@example.org,b@example.org?subject=Board%20papers&cc=c@example.org', 'mailto:a@example.org,b@example.org?subject=Board%20papers&cc=c@example.org'],
  ])('%s opens as %s', (url, opened) => {
    expect(externalLinkDecision(url)).toEqual({ open: true, url: opened });
  });
});

describe('externalLinkDecision: refused, with the reason', () => {
  it.each([
    ['http://example.org/', /not secure \(http:\)/],
    ['file:///C:/Windows/System32/calc.exe', /file: are never opened/],
    ['file://server/share/payload.exe', /file: are never opened/],
    ['javascript:alert(1)', /javascript: are never opened/],
    ['JavaScript:alert(document.cookie)', /javascript: are never opened/],
    ['data:text/html,<script>alert(1)</script>', /data: are never opened/],
    ['vbscript:msgbox(1)', /vbscript: are never opened/],
    ['ms-settings:privacy', /ms-settings: are never opened/],
    ['ms-msdt:/id PCWDiagnostic', /ms-msdt: are never opened/],
    ['search-ms:query=secret', /search-ms: are never opened/],
    ['smb://server/share', /smb: are never opened/],
    ['ftp://example.org/', /ftp: are never opened/],
    ['app://bundle.evil/index.html', /app:\/\/ page that is not one of Board Secretariat's own/],
    ['app://other/index.html', /app:\/\/ page/],
    ['https://www.gov.uk@evil.example/', /user name or password/],
    ['https://user:pass@example.org/', /user name or password/],
    ['mailto:', /no valid address/],
    ['mailto:?subject=hello', /no valid address/],
    ['mailto:not-an-address', /no valid address/],
    ['mailto:a@example.org?attach=C:/Users/me/workspace.db', /sets "attach"/],
    ['mailto:a@example.org?Attachment=%2Fetc%2Fpasswd', /sets "Attachment"/],
    ['not a url', /not a valid web or email address/],
    ['//example.org/', /not a valid web or email address/],
    ['https://', /not a valid web or email address/],
    ['', /empty/],
    ['   ', /empty/],
    [`https://example.org/${'a'.repeat(MAX_EXTERNAL_LINK_LENGTH)}`, /longer than 2048 characters/],
  ])('%s', (url, reason) => {
    const decision = externalLinkDecision(url);
    expect(decision.open).toBe(false);
    if (!decision.open) expect(decision.reason).toMatch(reason);
  });

  it('refuses what is not text at all (a renderer can send anything)', () => {
    for (const value of [undefined, null, 42, {}, ['https://example.org/']]) {
      expect(externalLinkDecision(value).open).toBe(false);
    }
  });
});

describe('describeLinkForLog: a refusal is logged without the text of the link', () => {
  it('keeps the scheme and site, drops the path, query and addresses', () => {
    expect(describeLinkForLog('http://example.org/minutes?name=Jane%20Doe')).toBe('http://example.org/…');
    expect(describeLinkForLog('https://example.org')).toBe('https://example.org/');
    expect(describeLinkForLog('mailto:jane.doe@example.org?subject=Safeguarding')).toBe('mailto:…');
    expect(describeLinkForLog('file:///C:/Users/jane/secret.docx')).toBe('file:///…');
    expect(describeLinkForLog('not a url')).toBe('an unreadable link of 9 characters');
    expect(describeLinkForLog(7)).toBe('a number');
  });
});
