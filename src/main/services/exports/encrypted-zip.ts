import { configure, Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';

// Main runs in Node (or Electron's main process): no web workers, compression on this thread,
// in 64 KiB chunks.
configure({ useWebWorkers: false, chunkSize: 64 * 1024 });

/**
 * zip.js compresses and encrypts chunk after chunk in promise callbacks, which never give the
 * event loop a turn: a 10 MB extract held the main process for half a second. Reading each chunk
 * after a setImmediate lets IPC, timers and the idle lock run between chunks.
 */
class YieldingReader extends Uint8ArrayReader {
  override async readUint8Array(index: number, length: number): Promise<Uint8Array> {
    await new Promise((resolve) => setImmediate(resolve));
    return super.readUint8Array(index, length);
  }
}

export interface ExportFile {
  /** The name inside the archive, or the file's own name for a single plain file. No person identifiers. */
  name: string;
  bytes: Uint8Array;
}

/**
 * A ZIP archive of the files. With a passphrase every entry is encrypted with WinZip AES-256
 * (encryptionStrength 3), which 7-Zip, WinZip and macOS's Archive Utility open; never the weak
 * legacy ZipCrypto.
 */
export async function zipFiles(files: readonly ExportFile[], passphrase: string | null, modified: Date): Promise<Uint8Array> {
  const writer = new ZipWriter(new Uint8ArrayWriter(), passphrase ? { password: passphrase, encryptionStrength: 3, zipCrypto: false } : {});
  for (const file of files) {
    await writer.add(file.name, new YieldingReader(file.bytes), { lastModDate: modified });
  }
  // An encrypted archive holds personal data: its comment (which 7-Zip and WinZip show before
  // asking for the passphrase) carries the marking too.
  return writer.close(passphrase ? new TextEncoder().encode('OFFICIAL-SENSITIVE') : undefined);
}
