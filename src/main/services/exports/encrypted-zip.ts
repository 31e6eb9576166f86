import { configure, Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';

// Main runs in Node (or Electron's main process): no web workers, compression on this thread.
configure({ useWebWorkers: false });

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
    await writer.add(file.name, new Uint8ArrayReader(file.bytes), { lastModDate: modified });
  }
  return writer.close();
}
