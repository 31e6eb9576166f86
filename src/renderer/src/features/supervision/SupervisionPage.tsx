import type { SessionUser } from '../../../../shared/ipc/contract';
import { AreaPlaceholder, PLACEHOLDER_PURPOSES } from '../shell/AreaPlaceholder';

/** The Supervision area. */
export function SupervisionPage({ user }: { user: SessionUser }) {
  void user;
  return <AreaPlaceholder title="Supervision" purpose={PLACEHOLDER_PURPOSES.supervision} />;
}
