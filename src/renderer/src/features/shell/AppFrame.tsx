import LockOutlined from '@mui/icons-material/LockOutlined';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Drawer from '@mui/material/Drawer';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import type { SessionUser } from '../../../../shared/ipc/contract';
import { ROLE_LABELS } from '../../../../shared/roles';
import { canReadRecords } from '../../session/permissions';
import { AuditLogPage } from '../audit/AuditLogPage';
import { CaseloadPage } from '../caseload/CaseloadPage';
import { CodingQueuePage } from '../coding/CodingQueuePage';
import { GapsPage } from '../connections/GapsPage';
import { ExportCentrePage } from '../exports/ExportCentrePage';
import { DirectoryEntryPage } from '../directory/DirectoryEntryPage';
import { DirectoryPage } from '../directory/DirectoryPage';
import { PersonRecordPage } from '../person/PersonRecordPage';
import { RecordsPage } from '../records/RecordsPage';
import { NewReferralPage } from '../referrals/NewReferralPage';
import { ReportsPage } from '../reports/ReportsPage';
import { PeopleSearch } from '../search/PeopleSearch';
import { SettingsPage } from '../settings/SettingsPage';
import { SupervisionPage } from '../supervision/SupervisionPage';
import { AppNavigationContext, useAppView, type View } from './app-navigation';
import { areasFor, LANDING_AREA, type AreaSpec } from './areas';
import { Navigation } from './Navigation';

const DRAWER_WIDTH = 232;

interface Props {
  workspaceName: string;
  user: SessionUser;
  onLock: () => void;
  onWorkspaceChanged: () => void;
}

/** The signed-in app: banner with who is signed in and the Lock button, navigation, and one area. */
export function AppFrame({ workspaceName, user, onLock, onWorkspaceChanged }: Props) {
  const areas = areasFor(user.role);
  const [view, navigation] = useAppView(LANDING_AREA);
  const area = areas.find((candidate) => candidate.id === view.area) ?? areas[0]!;

  return (
    <AppNavigationContext.Provider value={navigation}>
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" elevation={0} sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 2 }}>
          <Typography component="p" variant="h6" noWrap sx={{ flexGrow: 1 }}>
            Linkdesk
            <Box component="span" sx={{ fontWeight: 400, ml: 1.5 }}>
              {workspaceName}
            </Box>
          </Typography>
          {canReadRecords(user.role) && <PeopleSearch />}
          <Typography component="p" noWrap>
            {user.displayName}
            <Box component="span" sx={{ ml: 1 }}>
              ({ROLE_LABELS[user.role]})
            </Box>
          </Typography>
          <Button variant="outlined" color="inherit" startIcon={<LockOutlined />} onClick={onLock}>
            Lock
          </Button>
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        sx={{ width: DRAWER_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' } }}
      >
        <Toolbar />
        <Navigation areas={areas} current={area.id} onNavigate={navigation.openArea} />
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, minWidth: 0, p: { xs: 2, md: 4 } }}>
        <Toolbar />
        {/* Keyed so each visit starts fresh and focus moves to the new page's heading. */}
        <PageContent key={view.visit} view={view} area={area} user={user} onWorkspaceChanged={onWorkspaceChanged} />
      </Box>
    </Box>
    </AppNavigationContext.Provider>
  );
}

interface PageContentProps {
  view: View;
  area: AreaSpec;
  user: SessionUser;
  onWorkspaceChanged: () => void;
}

function PageContent({ view, area, user, onWorkspaceChanged }: PageContentProps) {
  const { page } = view;
  if (page.kind === 'person') return <PersonRecordPage personId={page.personId} user={user} backTo={area} />;
  if (page.kind === 'new-referral') return <NewReferralPage person={page.person} />;
  if (page.kind === 'directory-entry') return <DirectoryEntryPage entryId={page.entryId} user={user} />;
  if (page.kind === 'directory-gaps') return <GapsPage />;
  switch (area.id) {
    case 'caseload':
      return <CaseloadPage user={user} />;
    case 'coding':
      return <CodingQueuePage user={user} />;
    case 'directory':
      return <DirectoryPage user={user} />;
    case 'supervision':
      return <SupervisionPage user={user} />;
    case 'reports':
      return <ReportsPage user={user} />;
    case 'exports':
      return <ExportCentrePage user={user} />;
    case 'records':
      return <RecordsPage user={user} />;
    case 'settings':
      return <SettingsPage user={user} onWorkspaceChanged={onWorkspaceChanged} />;
    case 'audit':
      return <AuditLogPage />;
  }
}
