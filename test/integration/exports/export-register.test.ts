import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportResult } from '../../../src/shared/domain/exports';
import type { ExportRegister } from '../../../src/shared/ipc/exports-schemas';
import { casework } from '../../support/casework';
import { ok, refused } from '../../support/workspace';
import { declaration, fullRecord } from './support';

describe('the export register', () => {
  it('lists past exports from the audit log, newest first: when, who, what, file, hash and the declaration, never the passphrase', async () => {
    const work = await casework();
    const record = await fullRecord(work);
    const custom = declaration('subject_access', { purpose: 'SAR reference 2026-014', recipient: 'The person, by recorded post' });
    const sar = await ok<ExportResult>(work.worker, 'exports.subjectAccess', { personId: record.personId, declaration: custom });
    const admin = await work.as('admin');
    const sheet = await ok<ExportResult>(admin, 'exports.codingSheet', { declaration: declaration('coding_sheet') });

    const register = await ok<ExportRegister>(admin, 'exports.list', {});
    expect(register).toMatchObject({ total: 2, everyone: true, folder: admin.exportFolder });
    expect(register.rows).toEqual([
      expect.objectContaining({ kind: 'coding_sheet', fileName: sheet.fileName, sha256: sheet.sha256, by: work.names.admin, aboutOnePerson: false, encrypted: true }),
      expect.objectContaining({
        kind: 'subject_access',
        fileName: sar.fileName,
        sha256: sar.sha256,
        bytes: sar.bytes,
        by: work.names.worker,
        purpose: custom.purpose,
        recipient: custom.recipient,
        lawfulBasis: 'subject_access',
        aboutOnePerson: true,
      }),
    ]);
    // The hash in the register is the hash of the file as it is on disk.
    expect(createHash('sha256').update(readFileSync(join(sar.folder, sar.fileName))).digest('hex')).toBe(register.rows[1]!.sha256);
    expect(JSON.stringify(register)).not.toContain(sar.passphrase!);
    expect(JSON.stringify(register)).not.toContain(sheet.passphrase!);
  });

  it('shows admins every export and everyone else their own, a page at a time', async () => {
    const work = await casework();
    const admin = await work.as('admin');
    for (let i = 0; i < 3; i += 1) await ok(admin, 'exports.codingSheet', { declaration: declaration('coding_sheet') });
    await ok(work.worker, 'exports.codingSheet', { declaration: declaration('coding_sheet') });

    const mine = await ok<ExportRegister>(work.worker, 'exports.list', {});
    expect(mine).toMatchObject({ total: 1, everyone: false });
    expect(mine.rows.map((row) => row.by)).toEqual([work.names.worker]);
    const supervisor = await ok<ExportRegister>(await work.as('supervisor'), 'exports.list', {});
    expect(supervisor).toMatchObject({ total: 0, rows: [] });

    const firstPage = await ok<ExportRegister>(admin, 'exports.list', { page: 0, pageSize: 3 });
    const secondPage = await ok<ExportRegister>(admin, 'exports.list', { page: 1, pageSize: 3 });
    expect([firstPage.total, firstPage.rows.length, secondPage.rows.length]).toEqual([4, 3, 1]);
    expect(secondPage.rows[0]!.by).toBe(work.names.admin);
    expect(await refused(admin, 'exports.list', { page: 0, pageSize: 500 })).toMatchObject({ code: 'invalid_input', fields: { pageSize: expect.any(String) } });
  });
});
