import { APP_SCHEME } from './app-url';

/**
 * What may leave the app for the operating system (shell.openExternal): a web page over https
 * that the user clicked in a paper, or an email address (mailto:). Anything else — http:,
 * file:, javascript:, data:, smb:, ms-settings: and other custom schemes, app:// look-alikes,
 * malformed addresses — would hand an attacker's link to a program on the laptop, so it is
 * refused with a reason that main/electron/security.ts logs. No 'electron' import: plain logic,
 * tested under Node.
 */
export type ExternalLinkDecision = { open: true; url: string } | { open: false; reason: string };

/** Longer addresses are cut or misread by some Windows handlers; no real link in a paper is this long. */
export const MAX_EXTERNAL_LINK_LENGTH = 2048;

/** mailto: fields that only fill in a new email. Others (attach=, attachment=) are how mail clients have been made to attach local files. */
const MAILTO_FIELDS = new Set(['subject', 'body', 'cc', 'bcc', 'to']);

function refuse(reason: string): ExternalLinkDecision {
  return { open: false, reason };
}

function httpsDecision(url: URL): ExternalLinkDecision {
  if (url.hostname === '') return refuse('the web address names no site');
  // https://gov.uk@evil.example/ reads as gov.uk to a person and goes to evil.example.
  if (url.username !== '' || url.password !== '') return refuse('the web address carries a user name or password');
  return { open: true, url: url.href };
}

function mailtoDecision(url: URL): ExternalLinkDecision {
  const recipients = decodeURIComponent(url.pathname);
  if (!/^[^@\s,;]+@[^@\s,;]+(\s*[,;]\s*[^@\s,;]+@[^@\s,;]+)*$/.test(recipients)) return refuse('the email link has no valid address');
  for (const field of url.searchParams.keys()) {
    if (!MAILTO_FIELDS.has(field.toLowerCase())) return refuse(`the email link sets "${field}", which only subject, body, cc and bcc may`);
  }
  return { open: true, url: url.href };
}

/**
 * Decides whether `url` may be opened outside the app, and returns the exact text to open: the
 * parsed, normalised address, so what is opened is what was checked.
 */
export function externalLinkDecision(url: unknown): ExternalLinkDecision {
  if (typeof url !== 'string' || url.trim() === '') return refuse('the link is empty');
  if (url.length > MAX_EXTERNAL_LINK_LENGTH) return refuse(`the link is longer than ${MAX_EXTERNAL_LINK_LENGTH} characters`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse('the link is not a valid web or email address');
  }
  switch (parsed.protocol) {
    case 'https:':
      return httpsDecision(parsed);
    case 'mailto:':
      return mailtoDecision(parsed);
    case 'http:':
      return refuse('the link is not secure (http:); only https links open in the browser');
    case `${APP_SCHEME}:`:
      return refuse("the link points at an app:// page that is not one of Board Secretariat's own");
    default:
      return refuse(`links of the kind ${parsed.protocol} are never opened outside the app`);
  }
}

/** A link as it may appear in a log line: the scheme and site, never a whole query string of OFFICIAL-SENSITIVE text. */
export function describeLinkForLog(url: unknown): string {
  if (typeof url !== 'string') return `a ${typeof url}`;
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'mailto:') return 'mailto:…';
    return `${parsed.protocol}//${parsed.host}${parsed.pathname.length > 1 ? '/…' : '/'}`;
  } catch {
    return `an unreadable link of ${url.length} characters`;
  }
}
