import { formatDateTime } from '../../format';

/** A file size the way people read it: "820 KB", "14.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-GB')} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;
}

/** "2 Mar 2026, 18:00", or the words given when there is no time. */
export function whenOrNever(iso: string | null, never: string): string {
  return iso ? formatDateTime(iso) : never;
}
