import { CONNECTION_STATUSES, CONNECTION_STOP_REASONS, type ConnectionStatus } from '../../../../shared/domain/connections';
import type { Connection } from '../../../../shared/ipc/connections-schemas';
import { ToneChip, type Tone } from '../../components/ToneChip';
import { formatDate } from '../../format';

const STATUS_TONES: Record<ConnectionStatus, Tone> = {
  suggested: 'info',
  introduced: 'info',
  attending: 'success',
  completed: 'success',
  stopped: 'neutral',
};

/** Where a connection stands, in words (the chip's icon and text carry it, not the colour). */
export function ConnectionStatusChip({ status }: { status: ConnectionStatus }) {
  return <ToneChip label={CONNECTION_STATUSES[status]} tone={STATUS_TONES[status]} />;
}

/** "Attending since 3 May 2026", "Stopped on 9 May 2026 (Person’s choice)". */
export function sinceWhen(connection: Connection): string {
  if (connection.status === 'stopped') {
    const reason = connection.stopReason ? ` (${CONNECTION_STOP_REASONS[connection.stopReason]})` : '';
    return `Stopped on ${formatDate(connection.statusOn)}${reason}`;
  }
  if (connection.status === 'completed') return `Completed on ${formatDate(connection.statusOn)}`;
  return `${CONNECTION_STATUSES[connection.status]} since ${formatDate(connection.statusOn)}`;
}

/** One line of a connection's history, e.g. "Introduced on 3 May 2026 by Samira Okafor". */
export function describeHistoryEntry(entry: Connection['history'][number]): string {
  const reason = entry.stopReason ? ` (${CONNECTION_STOP_REASONS[entry.stopReason]})` : '';
  const by = entry.by ? ` by ${entry.by}` : '';
  return `${CONNECTION_STATUSES[entry.to]}${reason} on ${formatDate(entry.on)}${by}`;
}
