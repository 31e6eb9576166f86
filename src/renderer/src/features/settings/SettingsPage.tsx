import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import type { SessionUser } from '../../../../shared/ipc/contract';
import { PageHeading } from '../../components/PageHeading';
import { ReportSettingsSection } from '../reports/ReportSettingsSection';
import { DirectorySettingsSection } from './DirectorySettingsSection';
import { MyPasswordSection } from './MyPasswordSection';
import { UsersSection } from './UsersSection';
import { WorkspaceSection } from './WorkspaceSection';

interface Props {
  user: SessionUser;
  onWorkspaceChanged: () => void;
}

/** One page of sections, not tabs: everything an admin needs is visible without hunting. */
export function SettingsPage({ user, onWorkspaceChanged }: Props) {
  const isAdmin = user.role === 'admin';
  return (
    <>
      <PageHeading>Settings</PageHeading>
      <Stack spacing={4} divider={<Divider />} sx={{ mt: 3 }}>
        <MyPasswordSection />
        {isAdmin && <UsersSection currentUserId={user.id} />}
        {isAdmin && <WorkspaceSection onWorkspaceChanged={onWorkspaceChanged} />}
        {isAdmin && <DirectorySettingsSection />}
        {isAdmin && <ReportSettingsSection />}
      </Stack>
    </>
  );
}
