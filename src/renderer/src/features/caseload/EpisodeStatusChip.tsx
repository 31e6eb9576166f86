import { EPISODE_STATUSES, type EpisodeStatus } from '../../../../shared/domain/referral';
import { ToneChip, type Tone } from '../../components/ToneChip';

const STATUS_TONES: Record<EpisodeStatus, Tone> = {
  received: 'info',
  contacted: 'info',
  accepted: 'success',
  active: 'success',
  declined: 'neutral',
  closed: 'neutral',
};

/** Where a referral stands, in the words link workers use. */
export function EpisodeStatusChip({ status }: { status: EpisodeStatus }) {
  return <ToneChip label={EPISODE_STATUSES[status]} tone={STATUS_TONES[status]} />;
}
