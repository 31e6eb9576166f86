import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Writes a small file so that a crash leaves either the old or the new content, never half of one.
 *
 * A failed write (a full disk) removes its temporary file. A process killed mid-write cannot, so
 * the next write of the same file removes what an earlier one left: for the keyring such a file
 * could hold a key slot that has since been removed (a disabled user's).
 */
export function writeFileAtomic(path: string, content: string): void {
  const folder = dirname(path);
  const prefix = `.${basename(path)}.`;
  for (const name of readdirSync(folder)) {
    if (name.startsWith(prefix) && name.endsWith('.tmp')) rmSync(join(folder, name), { force: true });
  }
  const temporary = join(folder, `${prefix}${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temporary, 'w', 0o600);
    try {
      // write(2) may write less than asked (a disk filling up) without failing: keep going until all
      // is written, so the next call reports the full disk instead of a short file being renamed into place.
      const bytes = Buffer.from(content, 'utf8');
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
