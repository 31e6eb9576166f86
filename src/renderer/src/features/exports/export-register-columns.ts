import type { GridColDef } from '@mui/x-data-grid';
import { EXPORT_KINDS, LAWFUL_BASES } from '../../../../shared/domain/exports';
import type { PastExport } from '../../../../shared/ipc/exports-schemas';
import { formatDateTime } from '../../format';

const kindLabel = (kind: string) => (Object.hasOwn(EXPORT_KINDS, kind) ? EXPORT_KINDS[kind as keyof typeof EXPORT_KINDS].label : kind);
const basisLabel = (basis: string) => (Object.hasOwn(LAWFUL_BASES, basis) ? LAWFUL_BASES[basis as keyof typeof LAWFUL_BASES] : basis);

// Sorting and column filters would only reorder one page of a server-paged list, so they are off.
const fixed = { sortable: false, filterable: false, disableColumnMenu: true } as const;

export const exportRegisterColumns: GridColDef<PastExport>[] = [
  { ...fixed, field: 'at', headerName: 'When', width: 170, valueGetter: (_value, row) => formatDateTime(row.at) },
  { ...fixed, field: 'by', headerName: 'Who', width: 150, valueGetter: (_value, row) => row.by ?? '—' },
  { ...fixed, field: 'kind', headerName: 'What', flex: 1, minWidth: 180, valueGetter: (_value, row) => kindLabel(row.kind) },
  {
    ...fixed,
    field: 'fileName',
    headerName: 'File and SHA-256',
    flex: 1.4,
    minWidth: 260,
    valueGetter: (_value, row) => `${row.fileName}${row.encrypted ? ' (encrypted)' : ''} SHA-256 ${row.sha256}`,
  },
  { ...fixed, field: 'recipient', headerName: 'Recipient', flex: 1, minWidth: 160 },
  { ...fixed, field: 'purpose', headerName: 'Purpose', flex: 1, minWidth: 160 },
  { ...fixed, field: 'lawfulBasis', headerName: 'Lawful basis', flex: 1.2, minWidth: 200, valueGetter: (_value, row) => basisLabel(row.lawfulBasis) },
];
