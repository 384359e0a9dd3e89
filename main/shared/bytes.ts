/**
 * A file's size as people read it, as Explorer rounds it: "12 KB", "1.4 MB", never "0 KB" (the
 * screens, the export messages and the command line alike).
 */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-GB')} KB`;
}
