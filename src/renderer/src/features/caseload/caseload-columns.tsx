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
  { ...common, field: 'name', headerName: 'Name', flex: 1.2, minWidth: 150 },
  { ...common, field: 'age', headerName: 'Age', width: 72, valueGetter: (_value, row) => row.age ?? '—' },
  {
    ...common,
    field: 'status',
    headerName: 'Status',
    width: 124,
    renderCell: ({ row }) => <EpisodeStatusChip status={row.status} />,
  },
  {
    ...common,
    field: 'workerName',
    headerName: 'Link worker',
    width: 130,
    sortable: false,
    valueGetter: (_value, row) => row.workerName ?? 'Not assigned',
  },
  { ...common, field: 'weeksOnCaseload', headerName: 'Weeks on caseload', width: 100 },
  {
    ...common,
    field: 'contactCount',
    headerName: 'Contacts',
    description: `Contacts so far. ${TYPICAL_CONTACTS}`,
    width: 100,
  },
  { ...common, field: 'lastContactOn', headerName: 'Last contact', width: 118, valueGetter: (_value, row) => formatDate(row.lastContactOn) },
  {
    ...common,
    field: 'nextContactOn',
    headerName: 'Next planned contact',
    width: 118,
    valueGetter: (_value, row) => formatDate(row.nextContactOn),
  },
  {
    ...common,
    field: 'flags',
    headerName: 'Flags',
    flex: 1.6,
    minWidth: 180,
    sortable: false,
    renderCell: ({ row }) => <CaseloadFlagChips flags={row.flags} />,
  },
];
