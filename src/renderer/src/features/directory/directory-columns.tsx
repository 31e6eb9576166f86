import Box from '@mui/material/Box';
import type { GridColDef } from '@mui/x-data-grid';
import { DIRECTORY_CATEGORIES } from '../../../../shared/domain/directory';
import type { DirectoryRow } from '../../../../shared/ipc/directory-contract';
import { formatDate } from '../../format';
import { costLabel, DirectoryStatusChip, shortDays, StaleChip } from './directory-words';

// Filtering and sorting are done by main over the whole directory; filters sit above the grid.
const common = { filterable: false, disableColumnMenu: true, sortable: false } as const;

export function directoryColumns(staleMonths: number | undefined): GridColDef<DirectoryRow>[] {
  return [
    { ...common, field: 'name', headerName: 'Name', flex: 1.4, minWidth: 140 },
    { ...common, field: 'organisationName', headerName: 'Organisation', flex: 1.1, minWidth: 120 },
    { ...common, field: 'category', headerName: 'Category', flex: 1, minWidth: 110, valueGetter: (_value, row) => DIRECTORY_CATEGORIES[row.category] },
    { ...common, field: 'weekdays', headerName: 'Days', width: 76, valueGetter: (_value, row) => shortDays(row.weekdays) },
    { ...common, field: 'cost', headerName: 'Cost', width: 80, valueGetter: (_value, row) => costLabel(row.cost) },
    {
      ...common,
      field: 'area',
      headerName: 'Area or postcode',
      flex: 1,
      minWidth: 110,
      valueGetter: (_value, row) => [row.area || row.town, row.postcode].filter(Boolean).join(', ') || '—',
    },
    { ...common, field: 'status', headerName: 'Status', width: 116, renderCell: ({ row }) => <DirectoryStatusChip status={row.status} /> },
    {
      ...common,
      field: 'lastCheckedOn',
      headerName: 'Last checked',
      width: 144,
      renderCell: ({ row }) => (
        <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 0.5 }}>
          {row.lastCheckedOn && <span>{formatDate(row.lastCheckedOn)}</span>}
          {row.stale && <StaleChip months={staleMonths} neverChecked={!row.lastCheckedOn} />}
        </Box>
      ),
    },
    { ...common, field: 'connectionCount', headerName: 'People connected', width: 108, type: 'number', description: 'Connecting people to entries comes in a later version, so this is 0 for now.' },
  ];
}
