import type { GridCellParams, GridRowParams, GridValidRowModel } from '@mui/x-data-grid';
import type { KeyboardEvent } from 'react';
import { nhs } from '../theme';

/**
 * What every grid of records shares: a row opens its record on click or Enter, rows grow to fit
 * wrapped text, and cells show the app's focus ring.
 */
export function opensRecordOnClickOrEnter<Row extends GridValidRowModel>(open: (row: Row) => void) {
  return {
    onRowClick: ({ row }: GridRowParams<Row>) => open(row),
    onCellKeyDown: ({ row }: GridCellParams<Row>, event: KeyboardEvent) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        open(row);
      }
    },
  };
}

export const RECORD_GRID_SX = {
  '& .MuiDataGrid-row': { cursor: 'pointer' },
  '& .MuiDataGrid-cell': { py: 1, display: 'flex', alignItems: 'center' },
  '& .MuiDataGrid-columnHeaderTitle': { fontWeight: 700, whiteSpace: 'normal', lineHeight: 1.25 },
  '& .MuiDataGrid-cell:focus, & .MuiDataGrid-cell:focus-within, & .MuiDataGrid-columnHeader:focus, & .MuiDataGrid-columnHeader:focus-within':
    { outline: `3px solid ${nhs.text}`, outlineOffset: '-3px' },
} as const;

/**
 * A grid whose rows main pages (the free DataGrid shows at most 100 rows a page): sorting and
 * column filters would only reorder one page, so they are off, and rows grow to fit wrapped text.
 */
export const SERVER_PAGED_GRID = {
  paginationMode: 'server',
  getRowHeight: (): 'auto' => 'auto',
  disableRowSelectionOnClick: true,
  disableColumnMenu: true,
  disableColumnSorting: true,
  disableColumnFilter: true,
} as const;
