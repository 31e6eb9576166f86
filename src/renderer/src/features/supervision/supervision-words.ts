import type { AgendaReason } from '../../../../shared/domain/supervision';
import type { SessionSummary } from '../../../../shared/ipc/supervision-schemas';
import type { Tone } from '../../components/ToneChip';

/** Red for safeguarding and risk, amber for what needs a decision, blue for the rest. */
export const REASON_TONES: Record<AgendaReason, Tone> = {
  safeguarding: 'alert',
  risk: 'alert',
  added: 'info',
  carried_action: 'info',
  no_progress: 'warning',
  disengaged: 'warning',
  declined: 'warning',
  over_12_weeks: 'warning',
  over_12_contacts: 'warning',
  coding_overdue: 'warning',
};

/** A session's state in a few words, with the tone its chip shows. */
export function sessionStatus(session: Pick<SessionSummary, 'signedAt' | 'overdue'>): { label: string; tone: Tone } {
  if (session.signedAt) return { label: 'Signed off', tone: 'success' };
  if (session.overdue) return { label: 'Not signed off for over 7 days', tone: 'alert' };
  return { label: 'Open', tone: 'info' };
}
