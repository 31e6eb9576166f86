import type { SessionUser } from '../../../../shared/ipc/contract';
import { PageHeading } from '../../components/PageHeading';
import { PairsAdmin } from './PairsAdmin';
import { SupervisionHome } from './SupervisionHome';

/**
 * The Supervision area. Admins decide who supervises whom; link workers and GP supervisors hold
 * their weekly sessions here. Main checks every call (membership, sign-off, read-only after it);
 * the screens only keep buttons away from people who cannot use them.
 */
export function SupervisionPage({ user }: { user: SessionUser }) {
  return (
    <>
      <PageHeading>Supervision</PageHeading>
      {user.role === 'admin' ? <PairsAdmin /> : <SupervisionHome user={user} />}
    </>
  );
}
