import PostAddOutlined from '@mui/icons-material/PostAddOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { SessionUser } from '../../../../shared/ipc/contract';
import { PageHeading } from '../../components/PageHeading';
import { canReadRecords, canWriteCasework } from '../../session/permissions';
import { CodingQueue } from '../coding/CodingQueue';
import { useAppNavigation } from '../shell/app-navigation';
import { CaseloadGrid } from './CaseloadGrid';

/** The people being supported. Admins manage the workspace and see the GP coding queue instead. */
export function CaseloadPage({ user }: { user: SessionUser }) {
  const { startReferral } = useAppNavigation();
  if (!canReadRecords(user.role)) {
    return (
      <>
        <PageHeading>Caseload</PageHeading>
        <Typography sx={{ mb: 4, maxWidth: '70ch' }}>
          Admins manage the workspace: users, settings and the audit log. People’s records are for the link workers who
          support them and their GP supervisors, so they are not shown here. You can work through the GP coding queue below.
        </Typography>
        <CodingQueue headingLevel={2} canOpenRecords={false} />
      </>
    );
  }
  return (
    <>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', justifyContent: 'space-between', gap: 2 }}>
        <PageHeading>Caseload</PageHeading>
        {canWriteCasework(user.role) && (
          <Button variant="contained" startIcon={<PostAddOutlined />} onClick={() => startReferral()}>
            New referral
          </Button>
        )}
      </Box>
      <CaseloadGrid user={user} />
    </>
  );
}
