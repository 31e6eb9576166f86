import type { GridColDef } from '@mui/x-data-grid';
import type { CaseloadRow } from '../../../../shared/ipc/casework-schemas';
import { formatDate } from '../../format';
import { CaseloadFlagChips } from './CaseloadFlagChips';
import { EpisodeStatusChip } from './EpisodeStatusChip';

/** Shown in the Contacts header's tooltip and under the grid. */
export const TYPICAL_CONTACTS = '6–12 contacts over about three months is typical.';

// Sorting is done by main over the whole caseload (sortingMode="server"); filters sit above the grid.
const common = { filterable: false, disableColumnMenu: true } as const;

export const caseloadColumns: GridColDef<CaseloadRow>[] = [
  { ...common, field: 'name', headerName: 'Name', flex: 1.2, minWidth: 130 },
  { ...common, field: 'age', headerName: 'Age', width: 64, valueGetter: (_value, row) => row.age ?? '—' },
  {
    ...common,
    field: 'status',
    headerName: 'Status',
    width: 132,
    renderCell: ({ row }) => <EpisodeStatusChip status={row.status} />,
  },
  {
    ...common,
    field: 'workerName',
    headerName: 'Link worker',
    width: 120,
    sortable: false,
    valueGetter: (_value, row) => row.workerName ?? 'Not assigned',
  },
  { ...common, field: 'weeksOnCaseload', headerName: 'Weeks on caseload', width: 104 },
  {
    ...common,
    field: 'contactCount',
    headerName: 'Contacts',
    description: `Contacts so far. ${TYPICAL_CONTACTS}`,
    width: 108,
  },
  { ...common, field: 'lastContactOn', headerName: 'Last contact', width: 110, valueGetter: (_value, row) => formatDate(row.lastContactOn) },
  {
    ...common,
    field: 'nextContactOn',
    headerName: 'Next planned contact',
    width: 110,
    valueGetter: (_value, row) => formatDate(row.nextContactOn),
  },
  {
    ...common,
    field: 'flags',
    headerName: 'Flags',
    flex: 1.6,
    minWidth: 170,
    sortable: false,
    renderCell: ({ row }) => <CaseloadFlagChips flags={row.flags} />,
  },
];
