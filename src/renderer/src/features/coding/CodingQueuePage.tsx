import type { SessionUser } from '../../../../shared/ipc/contract';
import { PageHeading } from '../../components/PageHeading';
import { canReadRecords } from '../../session/permissions';
import { CodingQueue } from './CodingQueue';

/** The GP coding page: every role may work through it, including practice admins with GP system access. */
export function CodingQueuePage({ user }: { user: SessionUser }) {
  return (
    <>
      <PageHeading>GP coding</PageHeading>
      <CodingQueue canOpenRecords={canReadRecords(user.role)} />
    </>
  );
}
