import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import type { SessionUser } from '../../../../shared/ipc/contract';
import { PageHeading } from '../../components/PageHeading';
import { BackupSection } from './BackupSection';
import { RetentionSection } from './RetentionSection';

/** Backups, restore, retention review and erasure, for admins (the navigation shows it to no one else). */
export function RecordsPage({ user }: { user: SessionUser }) {
  if (user.role !== 'admin') return <PageHeading>Backup and retention</PageHeading>;
  return (
    <>
      <PageHeading>Backup and retention</PageHeading>
      <Stack spacing={4} divider={<Divider />} sx={{ mt: 3 }}>
        <BackupSection />
        <RetentionSection />
      </Stack>
    </>
  );
}
