import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { EXPORT_KINDS, lawfulBasesFor, type ExportDeclaration, type ExportKind, type ExportResult } from '../../../shared/domain/exports';
import { AppError } from '../../errors';
import type { LinkdeskDb } from '../../store/kysely';
import type { AuditDetails } from '../audit-log';
import type { WorkspaceSession } from '../workspace-session';
import { protectFiles, sha256Hex, zipFiles, type ExportFile, type ProtectedArchive } from './encrypted-zip';
import { exportFileName, extensionOf } from './export-file-name';

export type { ExportFile, ProtectedArchive } from './encrypted-zip';

interface ExportRequestBase {
  kind: ExportKind;
  declaration: ExportDeclaration;
  /** The person the file is about, if any: the audit entry is filed against them. */
  personId?: string;
  /**
   * Everyone else the file names (a GP coding sheet lists many people): each gets an
   * `export.person_included` entry with the file's name and SHA-256, so their subject access shows it.
   */
  personIds?: readonly string[];
  /** Extra audit facts (ids, counts, codes; never personal data). */
  details?: AuditDetails;
  /** Lets a long export be cancelled: checked before the file takes its final name. */
  signal?: AbortSignal;
}

/**
 * Either the files, which writeExport protects as the kind requires, or (for an encrypted kind
 * whose files were made in the export worker) the AES-256 archive the worker already made with
 * `protectFiles`, so the main thread never compresses or encrypts a large extract.
 */
export type ExportRequest = ExportRequestBase & ({ files: readonly ExportFile[]; archive?: undefined } | { archive: ProtectedArchive; files?: undefined });

/** The bytes to write, as they will be on disk, with what the audit entry and the result need. */
interface Packaged {
  bytes: Uint8Array;
  sha256: string;
  passphrase: string | null;
  extension: string;
}

/**
 * The one way a file leaves Linkdesk. Encrypts identifiable kinds, names the file without person
 * identifiers, writes it under a temporary name and renames it only once the `export.created` audit
 * entry (with the file's SHA-256 and the declaration) is written in the same step — so there is
 * never an export without its audit entry, nor a half-written file under an export's name.
 */
export async function writeExport(session: WorkspaceSession, request: ExportRequest, db?: LinkdeskDb): Promise<ExportResult> {
  const unlocked = session.requireUnlocked();
  checkLawfulBasis(request.kind, request.declaration);
  const now = session.clock.now();
  const encrypted = EXPORT_KINDS[request.kind].protection === 'encrypted';
  const { bytes, sha256, passphrase, extension } = request.archive ? protectedAlready(request.kind, request.archive) : await packageFiles(request.kind, request.files, now);
  const fileName = exportFileName(request.kind, extension, now);

  const folder = session.exportFolder;
  prepareFolder(folder);
  const finalPath = join(folder, fileName);
  const partialPath = `${finalPath}.partial`;
  await writeDurably(partialPath, bytes);
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

/** Protects the files as the kind requires: AES-256 ZIP, or a plain file (a plain ZIP when there are several). */
async function packageFiles(kind: ExportKind, files: readonly ExportFile[], now: Date): Promise<Packaged> {
  if (files.length === 0) throw new AppError('invalid_input', 'There is nothing to export.');
  if (EXPORT_KINDS[kind].protection === 'encrypted') return { ...(await protectFiles(files, now)), extension: 'zip' };
  const single = files.length === 1 ? files[0]! : null;
  const bytes = single ? single.bytes : await zipFiles(files, null, now);
  return { bytes, sha256: sha256Hex(bytes), passphrase: null, extension: single ? extensionOf(single.name) : 'zip' };
}

/** An archive made elsewhere is accepted only for kinds that must be encrypted: nothing plain is wrapped by mistake. */
function protectedAlready(kind: ExportKind, archive: ProtectedArchive): Packaged {
  if (EXPORT_KINDS[kind].protection !== 'encrypted') throw new Error(`A protected archive was given for ${kind}, which is written as a plain file`);
  if (archive.bytes.byteLength === 0) throw new AppError('invalid_input', 'There is nothing to export.');
  return { bytes: archive.bytes, sha256: archive.sha256, passphrase: archive.passphrase, extension: 'zip' };
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

/**
 * Writes and flushes the bytes, owner-only, so a crash cannot leave a file that looks complete.
 * Asynchronous: the write and the flush wait on the disk in libuv's thread pool, not on the main thread.
 */
async function writeDurably(path: string, bytes: Uint8Array): Promise<void> {
  let file: Awaited<ReturnType<typeof open>> | null = null;
  try {
    file = await open(path, 'wx', 0o600);
    await file.writeFile(bytes);
    await file.sync();
  } catch {
    // Only a file this call created is removed ('wx' refuses to open an existing one).
    if (file !== null) await rm(path, { force: true });
    throw new AppError('export_failed', 'The export could not be written: the folder may be full or read-only. Nothing was saved.');
  } finally {
    await file?.close();
  }
}
