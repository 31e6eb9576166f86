import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportDeclaration } from '../../../src/shared/domain/exports';
import { AppError } from '../../../src/main/errors';
import { protectFiles } from '../../../src/main/services/exports/encrypted-zip';
import { writeExport } from '../../../src/main/services/exports/write-export';
import { readExportFiles } from '../../support/exports';
import { adminWorkspace, auditRows } from '../../support/workspace';

const DECLARATION: ExportDeclaration = { purpose: 'A copy for the person', recipient: 'The person themselves', lawfulBasis: 'direct_care' };
const LETTER = { name: 'letter.txt', bytes: new TextEncoder().encode('Dear Dr Patel,\nMargaret Holloway attended six sessions.\n') };

function exportAudits(session: Awaited<ReturnType<typeof adminWorkspace>>['session']) {
  return auditRows(session.requireUnlocked().raw).filter((row) => row.action === 'export.created');
}

describe('the one export path', () => {
  it('writes identifiable kinds as an AES-256 ZIP that opens only with the passphrase shown once', async () => {
    const { session } = await adminWorkspace();
    const result = await writeExport(session, { kind: 'person_copy', declaration: DECLARATION, personId: 'person-1', files: [LETTER] });

    expect(result.encrypted).toBe(true);
    expect(result.passphrase).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}$/);
    const files = await readExportFiles(result, result.passphrase);
    expect(new TextDecoder().decode(files.get('letter.txt'))).toContain('Margaret Holloway attended six sessions.');
    await expect(readExportFiles(result, 'WRONG-PASS-PHRA-SE00-0000-0000')).rejects.toThrow();
    await expect(readExportFiles(result)).rejects.toThrow();
    // The archive's bytes never hold the content in clear.
    expect(readFileSync(join(result.folder, result.fileName)).includes('Margaret')).toBe(false);
  });

  it('makes archives that Debian’s 7-Zip opens with the passphrase, reporting AES-256, and refuses without it', async () => {
    const sevenZip = spawnSync('7z', ['--help']);
    if (sevenZip.error) throw new Error('7-Zip (7z, Debian package p7zip-full) is needed for this test; .ci/run installs it.');
    const { session } = await adminWorkspace();
    const result = await writeExport(session, { kind: 'subject_access', declaration: { ...DECLARATION, lawfulBasis: 'subject_access' }, files: [LETTER] });
    const archive = join(result.folder, result.fileName);

    const listing = execFileSync('7z', ['l', '-slt', `-p${result.passphrase}`, archive], { encoding: 'utf8' });
    expect(listing).toMatch(/Method = AES-256/);
    const out = mkdtempSync(join(tmpdir(), 'linkdesk-7z-'));
    execFileSync('7z', ['x', `-p${result.passphrase}`, `-o${out}`, archive], { encoding: 'utf8' });
    expect(readFileSync(join(out, 'letter.txt'), 'utf8')).toBe(new TextDecoder().decode(LETTER.bytes));

    const wrong = spawnSync('7z', ['x', '-pNOT-THE-PASSPHRASE', `-o${mkdtempSync(join(tmpdir(), 'linkdesk-7z-'))}`, archive], { encoding: 'utf8' });
    expect(wrong.status).not.toBe(0);
    expect(`${wrong.stdout}${wrong.stderr}`).toMatch(/Wrong password/i);
  });

  it('records one audit entry per export with the file’s SHA-256, the declaration and the person, and names files without identifiers', async () => {
    const { session } = await adminWorkspace();
    const result = await writeExport(session, { kind: 'gp_letter', declaration: DECLARATION, personId: 'person-42', files: [LETTER], details: { episodeId: 'episode-7' } });

    const onDisk = readFileSync(join(result.folder, result.fileName));
    expect(result.sha256).toBe(createHash('sha256').update(onDisk).digest('hex'));
    expect(result.bytes).toBe(onDisk.byteLength);
    expect(result.fileName).toMatch(/^gp-letter-\d{4}-\d{2}-\d{2}-[0-9a-f]{6}\.zip$/);
    expect(statSync(join(result.folder, result.fileName)).mode & 0o077).toBe(0);

    const [entry, ...more] = exportAudits(session);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ entity_type: 'person', entity_id: 'person-42', actor_username: 'ada.admin' });
    expect(JSON.parse(entry!.details_json)).toEqual({
      episodeId: 'episode-7',
      kind: 'gp_letter',
      fileName: result.fileName,
      sha256: result.sha256,
      bytes: result.bytes,
      encrypted: true,
      purpose: DECLARATION.purpose,
      recipient: DECLARATION.recipient,
      lawfulBasis: 'direct_care',
    });
  });

  it('writes aggregate kinds as the plain file itself, still audited', async () => {
    const { session } = await adminWorkspace();
    const csv = { name: 'activity.csv', bytes: new TextEncoder().encode('month,referrals\n2026-10,<8\n') };
    const result = await writeExport(session, { kind: 'activity_report', declaration: { ...DECLARATION, lawfulBasis: 'anonymous_statistics' }, files: [csv] });

    expect(result).toMatchObject({ encrypted: false, passphrase: null });
    expect(result.fileName).toMatch(/^activity-report-\d{4}-\d{2}-\d{2}-[0-9a-f]{6}\.csv$/);
    expect(readFileSync(join(result.folder, result.fileName), 'utf8')).toBe('month,referrals\n2026-10,<8\n');
    expect(exportAudits(session)).toHaveLength(1);
  });

  it('writes an archive already protected elsewhere (the export worker) byte for byte, with its own passphrase and SHA-256, through the same steps', async () => {
    const { session } = await adminWorkspace();
    const archive = await protectFiles([LETTER], new Date('2026-11-22T09:00:00Z'));
    const result = await writeExport(session, { kind: 'pseudonymised_extract', declaration: { ...DECLARATION, lawfulBasis: 'service_planning' }, archive, details: { episodes: 1 } });

    expect(result).toMatchObject({ encrypted: true, passphrase: archive.passphrase, sha256: archive.sha256, bytes: archive.bytes.byteLength });
    expect(result.fileName).toMatch(/^pseudonymised-extract-\d{4}-\d{2}-\d{2}-[0-9a-f]{6}\.zip$/);
    const onDisk = readFileSync(join(result.folder, result.fileName));
    expect(onDisk.equals(Buffer.from(archive.bytes))).toBe(true);
    expect(createHash('sha256').update(onDisk).digest('hex')).toBe(result.sha256);
    expect(new TextDecoder().decode((await readExportFiles(result, result.passphrase)).get('letter.txt'))).toContain('Margaret Holloway');
    expect(readdirSync(result.folder)).toEqual([result.fileName]);
    const [entry, ...more] = exportAudits(session);
    expect(more).toEqual([]);
    expect(JSON.parse(entry!.details_json)).toMatchObject({ kind: 'pseudonymised_extract', fileName: result.fileName, sha256: archive.sha256, encrypted: true, episodes: 1 });
    // The passphrase is in the result shown once, never in the audit entry.
    expect(entry!.details_json).not.toContain(archive.passphrase);

    // A kind written as a plain file never takes an archive: nothing is written or audited.
    const plain = await writeExport(session, { kind: 'activity_report', declaration: { ...DECLARATION, lawfulBasis: 'anonymous_statistics' }, archive }).catch((error: unknown) => error);
    expect(plain).toBeInstanceOf(Error);
    expect(readdirSync(result.folder)).toEqual([result.fileName]);
    expect(exportAudits(session)).toHaveLength(1);
  });

  it('leaves neither a file nor an audit entry when the folder cannot be written or the export is cancelled', async () => {
    const blocked = join(mkdtempSync(join(tmpdir(), 'linkdesk-blocked-')), 'not-a-folder');
    writeFileSync(blocked, 'a file where the export folder should be');
    const { session } = await adminWorkspace({ exportFolder: blocked });
    const failure = await writeExport(session, { kind: 'person_copy', declaration: DECLARATION, files: [LETTER] }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('export_failed');
    expect((failure as AppError).message).toMatch(/export folder cannot be created/);

    const { session: other } = await adminWorkspace();
    const controller = new AbortController();
    controller.abort();
    const cancelled = await writeExport(other, { kind: 'person_copy', declaration: DECLARATION, files: [LETTER], signal: controller.signal }).catch((error: unknown) => error);
    expect((cancelled as AppError).code).toBe('cancelled');
    expect(existsSync(other.exportFolder) ? readdirSync(other.exportFolder) : []).toEqual([]);
    expect(exportAudits(session)).toEqual([]);
    expect(exportAudits(other)).toEqual([]);
  });
});
