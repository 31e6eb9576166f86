import { extractText, getDocumentProxy } from 'unpdf';
import type { WorkspaceSession } from '../../../src/main/services/workspace-session';
import type { PlanVersion } from '../../../src/shared/ipc/plans-schemas';
import { ok } from '../../support/workspace';

/** Plan fixtures: a full draft, and the text of a PDF as a reader would see it. */
export const GOALS = ['“I want to get back to the allotment by spring”', 'Feel less on my own in the evenings'];

export function draft(episodeId: string, change: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    episodeId,
    goals: GOALS.map((text) => ({ text })),
    steps: [
      { action: 'Ring the allotment society about a half plot', owner: 'person', dueOn: '2026-03-16' },
      { action: 'Find a lift to Knit and Natter on Tuesdays', owner: 'link_worker', dueOn: '2026-03-10' },
      { action: 'Welcome at the first session', owner: 'group_or_service', ownerName: 'Knit and Natter', dueOn: '2026-03-17' },
    ],
    supportOffered: 'Knit and Natter at the library, and a befriending call each week',
    reviewOn: '2026-04-13',
    staffNotes: 'STAFF ONLY: son visits rarely; watch for low mood',
    present: ['The person', 'Their daughter'],
    ...change,
  };
}

export async function agreedPlan(session: WorkspaceSession, episodeId: string, change: Record<string, unknown> = {}): Promise<PlanVersion> {
  const saved = await ok<PlanVersion>(session, 'plans.saveDraft', draft(episodeId, change));
  return ok<PlanVersion>(session, 'plans.agree', { planVersionId: saved.id, method: 'verbal', agreedOn: '2026-03-02' });
}

export async function pdfText(base64: string): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(Buffer.from(base64, 'base64')));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}
