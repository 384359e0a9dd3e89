/** Lines that end inside a token another line finishes: "£1,035,905.0" / "0", "19/03/202" / "0", "SB-D-2020-" / "004", "PCP/" / "2019/09". */
export function brokenTokens(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    // Endings no whole token has: an amount ending in "," or in "." and at most one digit, a
    // date without its four-digit year, a reference ending in "-" or "/".
    .filter((l) => /(£[\d,]*(?:,|\.\d?)|£|\b\d{2}\/(?:\d{2}\/\d{0,3})?|\b[A-Z]{1,6}-(?:D-)?(?:\d{4}-)?|\b[A-Z]{2,6}\/)$/.test(l));
}
