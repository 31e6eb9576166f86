import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Uint8ArrayReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';
import { extractText, getDocumentProxy } from 'unpdf';
import type { ExportResult } from '../../src/shared/domain/exports';

/**
 * The files inside an export, as the recipient would see them: an AES ZIP opened with its
 * passphrase, a plain ZIP opened as it is, or a single plain file under its own name.
 */
export async function readExportFiles(result: Pick<ExportResult, 'fileName' | 'folder'>, passphrase?: string | null): Promise<Map<string, Uint8Array>> {
  const bytes = new Uint8Array(readFileSync(join(result.folder, result.fileName)));
  if (!result.fileName.endsWith('.zip')) return new Map([[result.fileName, bytes]]);
  const reader = new ZipReader(new Uint8ArrayReader(bytes), passphrase ? { password: passphrase } : {});
  const files = new Map<string, Uint8Array>();
  for (const entry of await reader.getEntries()) {
    if (!entry.directory) files.set(entry.filename, await entry.getData(new Uint8ArrayWriter()));
  }
  await reader.close();
  return files;
}

/** All the text of a PDF, pages joined, whitespace as unpdf gives it. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text;
}
