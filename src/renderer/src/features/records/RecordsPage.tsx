import type { SessionUser } from '../../../../shared/ipc/contract';
import { AreaPlaceholder } from '../shell/AreaPlaceholder';

/** Backups, restore, retention review and erasure, for admins. */
export function RecordsPage({ user }: { user: SessionUser }) {
  void user;
  return <AreaPlaceholder title="Backup and retention" purpose="Encrypted backups, restores and the retention review will live here." />;
}
