import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { AppError } from '../../errors';

/**
 * Checks a folder typed as a full path (the Electron shell has no folder picker yet) and returns
 * it resolved. Each problem is named in words, against the field it came from.
 */
export function checkWritableFolder(typed: string, field: string, workspaceFolder: string): string {
  const refuse = (message: string): never => {
    throw new AppError('invalid_input', 'Some of the details are not right.', { [field]: message });
  };
  if (!isAbsolute(typed)) refuse('Enter the full path of the folder, for example D:\\Linkdesk backups or /media/backup');
  const folder = resolve(typed);
  if (!existsSync(folder)) refuse('This folder does not exist. Create it first, or check the drive is plugged in');
  if (!statSync(folder).isDirectory()) refuse('This is a file, not a folder');
  const real = realpathSync(folder);
  const inside = relative(realpathSync(workspaceFolder), real);
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
    refuse('Choose a folder outside the workspace folder, ideally on another drive: a backup beside the workspace is lost with it');
  }
  try {
    accessSync(folder, constants.W_OK);
    // Permissions can say yes while the drive is read-only or full: write and remove a small file.
    const probe = join(folder, `.linkdesk-write-check-${randomBytes(6).toString('hex')}`);
    writeFileSync(probe, 'linkdesk', { mode: 0o600 });
    rmSync(probe, { force: true });
  } catch {
    refuse('Linkdesk cannot write to this folder. Choose a folder you can save files in');
  }
  return folder;
}
