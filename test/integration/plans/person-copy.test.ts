import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PersonCopy, PlanVersion } from '../../../src/shared/ipc/plans-schemas';
import { auditOf, casework, personWithEpisode } from '../../support/casework';
import { ok, refused } from '../../support/workspace';
import { agreedPlan, draft, pdfText } from './support';

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
    const copy = await ok<PersonCopy>(worker, 'plans.personCopyPdf', { planVersionId: plan.id });
    const text = await pdfText(copy.pdfBase64);
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
    expect(text).toContain('OFFICIAL-SENSITIVE');
    expect(text.match(/OFFICIAL-SENSITIVE/g)!.length).toBeGreaterThanOrEqual(2 * copy.pages);
    expect(Buffer.from(copy.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('holds no staff-only notes, no NHS number, nobody else present and nothing about anyone else', async () => {
    const { worker, plan } = await twoPeopleWithPlans();
    for (const largePrint of [false, true]) {
      const copy = await ok<PersonCopy>(worker, 'plans.personCopyPdf', { planVersionId: plan.id, largePrint });
      const text = await pdfText(copy.pdfBase64);
      const bytes = Buffer.from(copy.pdfBase64, 'base64').toString('latin1');
      for (const leak of ['STAFF ONLY', 'watch for low mood', 'Their daughter', '943', '9434765919', 'Margaret', 'Desmond', 'Achterberg', 'housing benefit', 'Other person', 'Lena']) {
        expect(text, `${leak} in the text`).not.toContain(leak);
        expect(bytes, `${leak} in the file`).not.toContain(leak);
      }
    }
  });

  it('has a large-print version with bigger text, so it runs to more pages', async () => {
    const { worker, plan } = await twoPeopleWithPlans();
    const standard = await ok<PersonCopy>(worker, 'plans.personCopyPdf', { planVersionId: plan.id, largePrint: false });
    const large = await ok<PersonCopy>(worker, 'plans.personCopyPdf', { planVersionId: plan.id, largePrint: true });
    expect(large.pages).toBeGreaterThan(standard.pages);
    expect(await pdfText(large.pdfBase64)).toContain('Feel less on my own in the evenings');
  });

  it('is audited with the plan version and the SHA-256 of the bytes, and nothing personal', async () => {
    const { worker, plan, mine } = await twoPeopleWithPlans();
    const copy = await ok<PersonCopy>(worker, 'plans.personCopyPdf', { planVersionId: plan.id, largePrint: true });
    const sha256 = createHash('sha256').update(Buffer.from(copy.pdfBase64, 'base64')).digest('hex');
    expect(copy.sha256).toBe(sha256);
    const [entry] = auditOf(worker, 'plan.person_copy_made');
    expect(entry).toMatchObject({ entity_type: 'person', entity_id: mine.person.id });
    expect(JSON.parse(entry!.details_json)).toEqual({ episodeId: mine.episode.id, planId: plan.planId, planVersionId: plan.id, version: 1, largePrint: true, sha256 });
  });

  it('says when a copy is of a draft, and keeps characters the standard fonts cannot draw from breaking it', async () => {
    const { worker } = await casework();
    const { episode } = await personWithEpisode(worker, {}, { givenName: 'Zoë', familyName: 'Łukasiewicz' });
    const saved = await ok<PlanVersion>(worker, 'plans.saveDraft', draft(episode.id, { goals: [{ text: 'Walk to the park 🌳 with Zoë' }] }));
    const text = await pdfText((await ok<PersonCopy>(worker, 'plans.personCopyPdf', { planVersionId: saved.id })).pdfBase64);
    expect(text).toContain('This is a draft: we have not agreed it yet.');
    expect(text).toContain('Zoë ?ukasiewicz');
    expect(text).toContain('Walk to the park ? with Zoë');
  });

  it('is made only by link workers', async () => {
    const { plan, as } = await twoPeopleWithPlans();
    for (const who of ['supervisor', 'admin'] as const) expect((await refused(await as(who), 'plans.personCopyPdf', { planVersionId: plan.id })).code).toBe('forbidden');
  });
});
