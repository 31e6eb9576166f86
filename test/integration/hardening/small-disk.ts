import { execFileSync } from 'node:child_process';
import { cpSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onCleanup, tempFolder } from '../../support/workspace';

export interface SmallDisk {
  folder: string;
  /** Bytes still free on the file system. */
  free(): number;
  /** Remounts the file system read-only (nothing on it may be open for writing). */
  makeReadOnly(): void;
}

function run(command: string, args: string[]): string | null {
  try {
    execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    return null;
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim();
    return stderr || (error as Error).message;
  }
}

/**
 * A file system of its own, `sizeKiB` big (tmpfs), mounted on a temp folder and unmounted after
 * the test. Needs Linux and the right to mount (root in CI); otherwise returns why not, so the
 * test can skip saying exactly that.
 */
export function mountSmallDisk(sizeKiB: number): SmallDisk | { unavailable: string } {
  if (process.platform !== 'linux') return { unavailable: `tmpfs mounts need Linux; this is ${process.platform}` };
  const folder = tempFolder('linkdesk-small-disk-');
  const failed = run('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k,mode=0700`, 'tmpfs', folder]);
  if (failed) return { unavailable: `cannot mount a ${sizeKiB} KiB tmpfs (${failed})` };
  // Registered after the folder's removal, so it runs first; lazily, in case a test left a file open.
  onCleanup(() => void (run('umount', [folder]) && run('umount', ['-l', folder])));
  return {
    folder,
    free: () => {
      const stats = statfsSync(folder);
      return stats.bavail * stats.bsize;
    },
    makeReadOnly: () => {
      const failedRemount = run('mount', ['-o', 'remount,ro', folder]);
      if (failedRemount) throw new Error(`cannot remount read-only: ${failedRemount}`);
    },
  };
}

/** Copies a closed workspace's files into the folder. */
export function copyWorkspace(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
}

/** Fills the disk with one file so that about `leaveBytes` stay free; returns the file's path. */
export function fillDisk(disk: SmallDisk, leaveBytes: number): string {
  const ballast = join(disk.folder, 'ballast.bin');
  writeFileSync(ballast, Buffer.alloc(Math.max(0, disk.free() - leaveBytes)));
  return ballast;
}
