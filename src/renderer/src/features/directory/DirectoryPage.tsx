import AddOutlined from '@mui/icons-material/AddOutlined';
import InsightsOutlined from '@mui/icons-material/InsightsOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { SessionUser } from '../../../../shared/ipc/contract';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { PageHeading } from '../../components/PageHeading';
import { useAppNavigation } from '../shell/app-navigation';
import { canWriteDirectory } from './directory-words';
import { DirectoryGrid } from './DirectoryGrid';
import { EntryFormDialog } from './EntryFormDialog';
import { ImportDialog } from './ImportDialog';

/** The community directory: groups and services to connect people to, each saying when it was last checked. */
export function DirectoryPage({ user }: { user: SessionUser }) {
  const { openDirectoryEntry, openDirectoryGaps } = useAppNavigation();
  const [dialog, setDialog] = useState<'add' | 'import' | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const settings = useLoad(api.directory.settings);
  const canWrite = canWriteDirectory(user.role);

  return (
    <>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', justifyContent: 'space-between', gap: 2 }}>
        <PageHeading>Directory</PageHeading>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5 }}>
          <Button variant="outlined" startIcon={<InsightsOutlined />} onClick={openDirectoryGaps}>
            Gaps
          </Button>
          {canWrite && (
            <>
              <Button variant="outlined" startIcon={<UploadFileOutlined />} onClick={() => setDialog('import')}>
                Import Open Referral UK data
              </Button>
              <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setDialog('add')}>
                Add service
              </Button>
            </>
          )}
        </Box>
      </Box>
      <Typography sx={{ mb: 2, maxWidth: '75ch' }}>
        Community groups and services to connect people to. Directories go stale, so each entry shows when it was last checked.
        {canWrite && ' Exporting the directory as Open Referral UK will be done through the Exports area, which is coming soon.'}
      </Typography>
      {done && (
        <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setDone(null)}>
          {done}
        </Alert>
      )}
      <DirectoryGrid reloadKey={reloadKey} staleMonths={settings.data?.staleMonths} />
      {dialog === 'add' && (
        <EntryFormDialog
          onClose={() => setDialog(null)}
          onSaved={(entry) => {
            setDialog(null);
            openDirectoryEntry(entry.id);
          }}
        />
      )}
      {dialog === 'import' && (
        <ImportDialog
          onClose={(imported) => {
            setDialog(null);
            if (imported) {
              setDone(imported);
              setReloadKey((key) => key + 1);
            }
          }}
        />
      )}
    </>
  );
}
