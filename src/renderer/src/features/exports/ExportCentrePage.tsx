import type { SessionUser } from '../../../../shared/ipc/contract';
import { AreaPlaceholder, PLACEHOLDER_PURPOSES } from '../shell/AreaPlaceholder';

/** The Exports area. */
export function ExportCentrePage({ user }: { user: SessionUser }) {
  void user;
  return <AreaPlaceholder title="Exports" purpose={PLACEHOLDER_PURPOSES.exports} />;
}
