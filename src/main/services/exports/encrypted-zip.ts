import { createHash } from 'node:crypto';
import { configure, Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';
import { randomCrockfordGroups } from '../../keys/recovery-key';

// Node (Electron's main process, or the export worker thread): no web workers, compression on the
// calling thread, in 64 KiB chunks.
configure({ useWebWorkers: false, chunkSize: 64 * 1024 });

/** Told the bytes read so far before each chunk is read; may throw to stop the archive. */
type ChunkWatch = (bytesRead: number) => void;

/**
 * zip.js compresses and encrypts chunk after chunk in promise callbacks, which never give the
 * event loop a turn: a 10 MB extract held the main process for half a second. Reading each chunk
 * after a setImmediate lets IPC, timers and the idle lock run between chunks (and, in the export
 * worker, lets nothing else wait: it is harmless there). The watch counts the chunks for progress.
 */
class YieldingReader extends Uint8ArrayReader {
  constructor(
    bytes: Uint8Array,
    private readonly watch: ChunkWatch,
  ) {
    super(bytes);
  }

  override async readUint8Array(index: number, length: number): Promise<Uint8Array> {
    await new Promise((resolve) => setImmediate(resolve));
    this.watch(index);
    return super.readUint8Array(index, length);
  }
}

export interface ExportFile {
  /** The name inside the archive, or the file's own name for a single plain file. No person identifiers. */
  name: string;
  bytes: Uint8Array;
}

/** How far an archive has got: bytes of the files compressed and encrypted, and bytes in all. */
export type ArchiveProgress = (done: number, total: number) => void;

/**
 * A ZIP archive of the files. With a passphrase every entry is encrypted with WinZip AES-256
 * (encryptionStrength 3), which 7-Zip, WinZip and macOS's Archive Utility open; never the weak
 * legacy ZipCrypto. `onProgress` reaches `total` only once the archive is complete.
 */
export async function zipFiles(files: readonly ExportFile[], passphrase: string | null, modified: Date, onProgress?: ArchiveProgress): Promise<Uint8Array> {
  const total = files.reduce((sum, file) => sum + file.bytes.byteLength, 0);
  const writer = new ZipWriter(new Uint8ArrayWriter(), passphrase ? { password: passphrase, encryptionStrength: 3, zipCrypto: false } : {});
  let before = 0;
  for (const file of files) {
    const offset = before;
    await writer.add(file.name, new YieldingReader(file.bytes, (read) => onProgress?.(offset + read, total)), { lastModDate: modified });
    before += file.bytes.byteLength;
  }
  // An encrypted archive holds personal data: its comment (which 7-Zip and WinZip show before
  // asking for the passphrase) carries the marking too.
  const bytes = await writer.close(passphrase ? new TextEncoder().encode('OFFICIAL-SENSITIVE') : undefined);
  onProgress?.(total, total);
  return bytes;
}

/** A finished AES-256 archive, made wherever its files were made (main, or the export worker). */
export interface ProtectedArchive {
  bytes: Uint8Array;
  /** SHA-256 of exactly these bytes (hex): what the `export.created` audit entry records. */
  sha256: string;
  /** Made with the archive and shown once to whoever exports it; never stored, logged or audited. */
  passphrase: string;
}

// 24 Crockford symbols = 120 random bits: far beyond guessing, still easy to read out over the phone.
const PASSPHRASE_GROUPS = 6;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The files in an AES-256 ZIP under a new passphrase, with the SHA-256 of the archive as it will be written. */
export async function protectFiles(files: readonly ExportFile[], modified: Date, onProgress?: ArchiveProgress): Promise<ProtectedArchive> {
  const passphrase = randomCrockfordGroups(PASSPHRASE_GROUPS);
  const bytes = await zipFiles(files, passphrase, modified, onProgress);
  return { bytes, sha256: sha256Hex(bytes), passphrase };
}
