import AssessmentOutlined from '@mui/icons-material/AssessmentOutlined';
import BackupOutlined from '@mui/icons-material/BackupOutlined';
import FactCheckOutlined from '@mui/icons-material/FactCheckOutlined';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import ForumOutlined from '@mui/icons-material/ForumOutlined';
import GroupsOutlined from '@mui/icons-material/GroupsOutlined';
import MedicalInformationOutlined from '@mui/icons-material/MedicalInformationOutlined';
import PeopleAltOutlined from '@mui/icons-material/PeopleAltOutlined';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import type { ReactElement } from 'react';
import type { AreaId, AreaSpec } from './areas';

const ICONS: Record<AreaId, ReactElement> = {
  caseload: <PeopleAltOutlined />,
  coding: <MedicalInformationOutlined />,
  directory: <GroupsOutlined />,
  supervision: <ForumOutlined />,
  reports: <AssessmentOutlined />,
  exports: <FileDownloadOutlined />,
  records: <BackupOutlined />,
  settings: <SettingsOutlined />,
  audit: <FactCheckOutlined />,
};

interface Props {
  areas: readonly AreaSpec[];
  current: AreaId;
  onNavigate: (area: AreaId) => void;
}

/** The main navigation: real buttons, with aria-current marking where you are. */
export function Navigation({ areas, current, onNavigate }: Props) {
  return (
    <nav aria-label="Main">
      <List>
        {areas.map((area) => {
          const selected = area.id === current;
          return (
            <ListItem key={area.id} disablePadding>
              <ListItemButton
                component="button"
                selected={selected}
                aria-current={selected ? 'page' : undefined}
                onClick={() => onNavigate(area.id)}
                sx={{
                  width: '100%',
                  textAlign: 'left',
                  borderLeft: 4,
                  borderColor: selected ? 'primary.main' : 'transparent',
                  '&.Mui-selected': { bgcolor: '#E8EDEE', color: 'primary.dark' },
                  '&.Mui-selected:hover': { bgcolor: '#DDE4E6' },
                }}
              >
                <ListItemIcon sx={{ color: 'inherit', minWidth: 40 }}>{ICONS[area.id]}</ListItemIcon>
                <ListItemText primary={area.label} slotProps={{ primary: { sx: { fontWeight: selected ? 700 : 400 } } }} />
              </ListItemButton>
            </ListItem>
          );
        })}
      </List>
    </nav>
  );
}
