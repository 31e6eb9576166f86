import DrawOutlined from '@mui/icons-material/DrawOutlined';
import EditCalendarOutlined from '@mui/icons-material/EditCalendarOutlined';
import NoteAddOutlined from '@mui/icons-material/NoteAddOutlined';
import PictureAsPdfOutlined from '@mui/icons-material/PictureAsPdfOutlined';
import PlaylistAddOutlined from '@mui/icons-material/PlaylistAddOutlined';
import RefreshOutlined from '@mui/icons-material/RefreshOutlined';
import SelfImprovementOutlined from '@mui/icons-material/SelfImprovementOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import type { SessionWorkspace } from '../../../../shared/ipc/supervision-schemas';
import type { SessionDialog } from './SessionDialogs';

interface Props {
  workspace: SessionWorkspace;
  onOpen: (dialog: NonNullable<SessionDialog>) => void;
  onRefresh: () => void;
}

/** What can be done with the session now: prepare and work through it while open; addenda and the printed record once signed. */
export function SessionToolbar({ workspace, onOpen, onRefresh }: Props) {
  const open = workspace.session.signedAt === null;
  return (
    <Box role="toolbar" aria-label="Session" sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, mt: 2 }}>
      {open ? (
        <>
          <Button variant="outlined" startIcon={<PlaylistAddOutlined />} onClick={() => onOpen({ kind: 'case' })}>
            Add a case
          </Button>
          <Button variant="outlined" startIcon={<SelfImprovementOutlined />} onClick={() => onOpen({ kind: 'wellbeing' })}>
            Wellbeing check-in
          </Button>
          <Button variant="outlined" startIcon={<RefreshOutlined />} onClick={onRefresh}>
            Rebuild the agenda
          </Button>
          <Button variant="outlined" startIcon={<EditCalendarOutlined />} onClick={() => onOpen({ kind: 'details' })}>
            Change date or attendees
          </Button>
          {workspace.you === 'supervisor' && (
            <Button variant="contained" startIcon={<DrawOutlined />} onClick={() => onOpen({ kind: 'sign' })}>
              Sign off the session
            </Button>
          )}
        </>
      ) : (
        <>
          <Button variant="outlined" startIcon={<NoteAddOutlined />} onClick={() => onOpen({ kind: 'addendum' })}>
            Add an addendum
          </Button>
          <Button variant="contained" startIcon={<PictureAsPdfOutlined />} onClick={() => onOpen({ kind: 'export' })}>
            Print the session record (PDF)
          </Button>
        </>
      )}
    </Box>
  );
}
