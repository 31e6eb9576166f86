import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { EXPORT_KINDS, lawfulBasesFor, type ExportDeclaration, type ExportKind, type ExportResult } from '../../../shared/domain/exports';
import { AppError } from '../../errors';
import { randomCrockfordGroups } from '../../keys/recovery-key';
import type { LinkdeskDb } from '../../store/kysely';
import type { AuditDetails } from '../audit-log';
import type { WorkspaceSession } from '../workspace-session';
import { zipFiles, type ExportFile } from './encrypted-zip';
import { exportFileName, extensionOf } from './export-file-name';

export type { ExportFile } from './encrypted-zip';

export interface ExportRequest {
  kind: ExportKind;
  declaration: ExportDeclaration;
  /** The person the file is about, if any: the audit entry is filed against them. */
  personId?: string;
  /**
   * Everyone else the file names (a GP coding sheet lists many people): each gets an
   * `export.person_included` entry with the file's name and SHA-256, so their subject access shows it.
   */
  personIds?: readonly string[];
  files: readonly ExportFile[];
  /** Extra audit facts (ids, counts, codes; never personal data). */
  details?: AuditDetails;
  /** Lets a long export be cancelled: checked before the file takes its final name. */
  signal?: AbortSignal;
}

// 24 Crockford symbols = 120 random bits: far beyond guessing, still easy to read out over the phone.
const PASSPHRASE_GROUPS = 6;

/**
 * The one way a file leaves Linkdesk. Encrypts identifiable kinds, names the file without person
 * identifiers, writes it under a temporary name and renames it only once the `export.created` audit
 * entry (with the file's SHA-256 and the declaration) is written in the same step — so there is
 * never an export without its audit entry, nor a half-written file under an export's name.
 */
export async function writeExport(session: WorkspaceSession, request: ExportRequest, db?: LinkdeskDb): Promise<ExportResult> {
  const unlocked = session.requireUnlocked();
  const spec = EXPORT_KINDS[request.kind];
  checkLawfulBasis(request.kind, request.declaration);
  if (request.files.length === 0) throw new AppError('invalid_input', 'There is nothing to export.');
  const now = session.clock.now();
  const encrypted = spec.protection === 'encrypted';
  const passphrase = encrypted ? randomCrockfordGroups(PASSPHRASE_GROUPS) : null;
  const single = !encrypted && request.files.length === 1 ? request.files[0]! : null;
  const bytes = single ? single.bytes : await zipFiles(request.files, passphrase, now);
  const fileName = exportFileName(request.kind, single ? extensionOf(single.name) : 'zip', now);
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  const folder = session.exportFolder;
  prepareFolder(folder);
  const finalPath = join(folder, fileName);
  const partialPath = `${finalPath}.partial`;
  writeDurably(partialPath, bytes);
  let renamed = false;
  try {
    const record = async (trx: LinkdeskDb) => {
      await session.audit(
        {
          action: 'export.created',
          entityType: request.personId ? 'person' : 'export',
          entityId: request.personId ?? fileName,
          details: {
            ...request.details,
            kind: request.kind,
            fileName,
            sha256,
            bytes: bytes.byteLength,
            encrypted,
            purpose: request.declaration.purpose,
            recipient: request.declaration.recipient,
            lawfulBasis: request.declaration.lawfulBasis,
          },
        },
        trx,
      );
      for (const personId of new Set(request.personIds ?? [])) {
        await session.audit({ action: 'export.person_included', entityType: 'person', entityId: personId, details: { kind: request.kind, fileName, sha256 } }, trx);
      }
      if (request.signal?.aborted) throw new AppError('cancelled', 'The export was cancelled. No file was saved.');
      renameSync(partialPath, finalPath);
      renamed = true;
    };
    if (db) await record(db);
    else await unlocked.db.transaction().execute(record);
  } catch (error) {
    rmSync(renamed ? finalPath : partialPath, { force: true });
    throw error;
  }
  return { fileName, folder, sha256, bytes: bytes.byteLength, encrypted, passphrase };
}

/** Refuses a lawful basis that cannot cover the kind (statistics are no basis for personal data). */
export function checkLawfulBasis(kind: ExportKind, declaration: ExportDeclaration): void {
  if (!lawfulBasesFor(kind).includes(declaration.lawfulBasis)) {
    throw new AppError('invalid_input', 'Some of the details are not right.', {
      'declaration.lawfulBasis': 'This file holds personal data (even pseudonymised data is), so choose a lawful basis for personal data',
    });
  }
}

function prepareFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch {
    throw new AppError('export_failed', 'The export folder cannot be created. Check it exists and you can write to it.');
  }
}

/** Writes and flushes the bytes, owner-only, so a crash cannot leave a file that looks complete. */
function writeDurably(path: string, bytes: Uint8Array): void {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'wx', 0o600);
    writeSync(fd, bytes);
    fsyncSync(fd);
  } catch {
    if (fd !== null) rmSync(path, { force: true });
    throw new AppError('export_failed', 'The export could not be written: the folder may be full or read-only. Nothing was saved.');
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
