import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { WorkspaceSession } from '../../../src/main/services/workspace-session';
import type { ExportResult } from '../../../src/shared/domain/exports';
import type { PlanVersion } from '../../../src/shared/ipc/plans-schemas';
import { readExportFiles } from '../../support/exports';
import { auditOf, casework, personWithEpisode } from '../../support/casework';
import { ok, refused } from '../../support/workspace';
import { agreedPlan, draft, pdfText } from './support';

const DECLARATION = { purpose: 'A copy of the agreed plan for the person to keep', recipient: 'The person themselves', lawfulBasis: 'direct_care' };

interface Copy {
  result: ExportResult;
  /** The PDF inside the archive, as the person will open it. */
  pdf: Uint8Array;
  text: string;
  pages: number;
}

/** Exports the person's copy through the router, then opens the archive with its passphrase as the person would. */
async function exportCopy(session: WorkspaceSession, planVersionId: string, largePrint = false): Promise<Copy> {
  const result = await ok<ExportResult>(session, 'plans.exportPersonCopy', { planVersionId, largePrint, declaration: DECLARATION });
  const files = await readExportFiles(result, result.passphrase);
  expect([...files.keys()]).toEqual([largePrint ? 'my-care-and-support-plan-large-print.pdf' : 'my-care-and-support-plan.pdf']);
  const pdf = [...files.values()][0]!;
  const text = await pdfText(Buffer.from(pdf).toString('base64'));
  const pages = (await PDFDocument.load(pdf)).getPageCount();
  return { result, pdf, text, pages };
}

async function twoPeopleWithPlans() {
  const context = await casework();
  const { worker } = context;
  const mine = await personWithEpisode(worker, {}, { givenName: 'Margaret', preferredName: 'Peggy', familyName: 'Holloway', nhsNumber: '943 476 5919' });
  const theirs = await personWithEpisode(worker, {}, { givenName: 'Desmond', familyName: 'Achterberg' });
  await ok(worker, 'conversations.record', {
    episodeId: mine.episode.id,
    heldOn: '2026-03-02',
    ownWords: '"I want to be out in the fresh air with my hands in the soil."',
    strengths: 'Forty years of growing vegetables',
    whatGetsInTheWay: 'My knees, and the bus fare',
    priorities: 'Company in the evenings',
  });
  const plan = await agreedPlan(worker, mine.episode.id);
  await agreedPlan(worker, theirs.episode.id, { goals: [{ text: 'Desmond’s goal: sort out the housing benefit' }], staffNotes: 'Other person’s staff note' });
  return { ...context, mine, theirs, plan };
}

describe('the person’s own copy of their plan', () => {
  it('shows what matters to them, their goals, who does what by when, the support offered and the review date, under plain headings', async () => {
    const { worker, plan } = await twoPeopleWithPlans();
    const { text, pdf, pages } = await exportCopy(worker, plan.id);
    for (const heading of ['What matters to me', 'My goals', 'Who will do what, and by when', 'Support offered', 'When we will review this']) expect(text).toContain(heading);
    expect(text).toContain('Peggy Holloway');
    expect(text).toContain('"I want to be out in the fresh air with my hands in the soil."');
    expect(text).toContain('Forty years of growing vegetables');
    expect(text).toContain('“I want to get back to the allotment by spring”');
    expect(text).toContain('Feel less on my own in the evenings');
    expect(text).toContain('Ring the allotment society about a half plot');
    expect(text).toContain('Who: Me. By: Monday 16 March 2026.');
    expect(text).toContain('Who: A group or service: Knit and Natter.');
    expect(text).toContain('Knit and Natter at the library, and a befriending call each week');
    expect(text).toContain('Monday 13 April 2026');
    expect(text).toContain('We agreed this plan together verbally on Monday 2 March 2026.');
    expect(text.match(/OFFICIAL-SENSITIVE/g)!.length).toBeGreaterThanOrEqual(2 * pages);
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('is written as an encrypted archive named without the person, which opens only with the passphrase shown once', async () => {
    const { worker, plan } = await twoPeopleWithPlans();
    const { result } = await exportCopy(worker, plan.id);
    expect(result.encrypted).toBe(true);
    expect(result.passphrase).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}$/);
    expect(result.fileName).toMatch(/^person-copy-\d{4}-\d{2}-\d{2}-[0-9a-f]{6}\.zip$/);
    expect(readdirSync(result.folder)).toEqual([result.fileName]);
    const archive = readFileSync(join(result.folder, result.fileName)).toString('latin1');
    for (const clear of ['Peggy', 'Holloway', 'allotment', '%PDF']) expect(archive, `${clear} in the archive`).not.toContain(clear);
    await expect(readExportFiles(result)).rejects.toThrow();
  });

  it('holds no staff-only notes, no NHS number, nobody else present and nothing about anyone else', async () => {
    const { worker, plan } = await twoPeopleWithPlans();
    for (const largePrint of [false, true]) {
      const { text, pdf } = await exportCopy(worker, plan.id, largePrint);
      const bytes = Buffer.from(pdf).toString('latin1');
      for (const leak of ['STAFF ONLY', 'watch for low mood', 'Their daughter', '943', '9434765919', 'Margaret', 'Desmond', 'Achterberg', 'housing benefit', 'Other person', 'Lena']) {
        expect(text, `${leak} in the text`).not.toContain(leak);
        expect(bytes, `${leak} in the file`).not.toContain(leak);
      }
    }
  });

  it('has a large-print version with bigger text, so it runs to more pages', async () => {
    const { worker, plan } = await twoPeopleWithPlans();
    const standard = await exportCopy(worker, plan.id, false);
    const large = await exportCopy(worker, plan.id, true);
    expect(large.pages).toBeGreaterThan(standard.pages);
    expect(large.text).toContain('Feel less on my own in the evenings');
  });

  it('is audited once, as an export of the person’s copy, with the SHA-256 of the file as written and no personal data', async () => {
    const { worker, plan, mine } = await twoPeopleWithPlans();
    const { result, pages } = await exportCopy(worker, plan.id, true);
    const onDisk = readFileSync(join(result.folder, result.fileName));
    expect(result.sha256).toBe(createHash('sha256').update(onDisk).digest('hex'));
    const entries = auditOf(worker, 'export.created');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entity_type: 'person', entity_id: mine.person.id });
    const details = JSON.parse(entries[0]!.details_json) as Record<string, unknown>;
    expect(details).toMatchObject({
      kind: 'person_copy',
      fileName: result.fileName,
      sha256: result.sha256,
      bytes: onDisk.byteLength,
      encrypted: true,
      episodeId: mine.episode.id,
      planId: plan.planId,
      planVersionId: plan.id,
      version: 1,
      largePrint: true,
      pages,
      ...DECLARATION,
    });
    const written = JSON.stringify(entries);
    for (const personal of ['Peggy', 'Holloway', 'Margaret', 'allotment', result.passphrase!]) expect(written).not.toContain(personal);
  });

  it('refuses an export without a declaration, naming what is missing, and writes nothing', async () => {
    const { worker, plan } = await twoPeopleWithPlans();
    const refusal = await refused(worker, 'plans.exportPersonCopy', { planVersionId: plan.id, declaration: { purpose: '', recipient: 'The person themselves', lawfulBasis: 'direct_care' } });
    expect(refusal.code).toBe('invalid_input');
    expect(refusal.fields).toMatchObject({ 'declaration.purpose': expect.stringContaining('Say the purpose') });
    expect(auditOf(worker, 'export.created')).toEqual([]);
  });

  it('says when a copy is of a draft, and keeps characters the standard fonts cannot draw from breaking it', async () => {
    const { worker } = await casework();
    const { episode } = await personWithEpisode(worker, {}, { givenName: 'Zoë', familyName: 'Łukasiewicz' });
    const saved = await ok<PlanVersion>(worker, 'plans.saveDraft', draft(episode.id, { goals: [{ text: 'Walk to the park 🌳 with Zoë' }] }));
    const { text } = await exportCopy(worker, saved.id);
    expect(text).toContain('This is a draft: we have not agreed it yet.');
    expect(text).toContain('Zoë ?ukasiewicz');
    expect(text).toContain('Walk to the park ? with Zoë');
  });

  it('is made only by link workers', async () => {
    const { plan, as } = await twoPeopleWithPlans();
    for (const who of ['supervisor', 'admin'] as const) {
      expect((await refused(await as(who), 'plans.exportPersonCopy', { planVersionId: plan.id, declaration: DECLARATION })).code).toBe('forbidden');
    }
  });
});
