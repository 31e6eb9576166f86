import { randomBytes } from 'node:crypto';
import { format } from 'date-fns';
import { EXPORT_KINDS, type ExportKind } from '../../../shared/domain/exports';

/**
 * `person-copy-2026-11-22-a1b2c3.zip`: the kind, the day and a random tag. Nothing in a file name
 * can identify a person, because file names show up in e-mail subjects, recent-file lists and logs.
 */
export function exportFileName(kind: ExportKind, extension: string, now: Date): string {
  return `${EXPORT_KINDS[kind].fileStem}-${format(now, 'yyyy-MM-dd')}-${randomBytes(3).toString('hex')}.${extension}`;
}

/** The extension a single file's name carries, lower-cased, or 'bin'. */
export function extensionOf(name: string): string {
  const match = /\.([a-z0-9]{1,8})$/i.exec(name);
  return match ? match[1]!.toLowerCase() : 'bin';
}
