import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { DataGrid, type GridPaginationModel } from '@mui/x-data-grid';
import { useCallback, useId, useMemo, useState } from 'react';
import type { DirectoryRow } from '../../../../shared/ipc/directory-contract';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { plural } from '../../format';
import { opensRecordOnClickOrEnter, RECORD_GRID_SX } from '../../components/record-grid';
import { useDebounced } from '../search/useDebounced';
import { directoryColumns } from './directory-columns';
import { DirectoryFilters, NO_DIRECTORY_FILTERS, type DirectoryFilterValues } from './DirectoryFilters';
import { useAppNavigation } from '../shell/app-navigation';

const PAGE_SIZES = [25, 50, 100];

/** The directory, filtered, searched and paged by main; a row opens the entry. */
export function DirectoryGrid({ reloadKey, staleMonths }: { reloadKey: number; staleMonths: number | undefined }) {
  const { openDirectoryEntry } = useAppNavigation();
  const helpId = useId();
  const [filters, setFilters] = useState<DirectoryFilterValues>(NO_DIRECTORY_FILTERS);
  const [pagination, setPagination] = useState<GridPaginationModel>({ page: 0, pageSize: 25 });
  // Typing waits a moment before searching, so each key press is not a query.
  const text = useDebounced(filters.text.trim(), 300);
  const area = useDebounced(filters.area.trim(), 300);

  const load = useCallback(
    () =>
      api.directory.list({
        page: pagination.page,
        pageSize: pagination.pageSize,
        text,
        area,
        category: filters.category || null,
        weekday: filters.weekday || null,
        cost: filters.cost || null,
        status: filters.status || null,
        accessibility: filters.accessibility,
        staleOnly: filters.staleOnly,
        sort: filters.sort === 'relevance' && !text ? 'name' : filters.sort,
      }),
    [pagination, text, area, filters.category, filters.weekday, filters.cost, filters.status, filters.accessibility, filters.staleOnly, filters.sort],
  );
  const directory = useLoad(load, reloadKey);
  const columns = useMemo(() => directoryColumns(staleMonths), [staleMonths]);

  const changeFilters = (next: DirectoryFilterValues) => {
    setFilters(next.text.trim() === '' && next.sort === 'relevance' ? { ...next, sort: 'name' } : next);
    setPagination((current) => ({ ...current, page: 0 }));
  };

  const staleSwitch = staleMonths ? `Only entries not checked for ${plural(staleMonths, 'month', 'months')}` : 'Only entries not checked recently';
  const total = directory.data?.total;

  return (
    <>
      <DirectoryFilters values={filters} onChange={changeFilters} staleLabel={staleSwitch} />
      {directory.error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {directory.error}
        </Alert>
      )}
      <Typography id={helpId} variant="body2" sx={{ mb: 1, color: 'text.secondary' }}>
        Select an entry, or press Enter on its row, to open it.
      </Typography>
      <Typography role="status" variant="body2" sx={{ mb: 1, fontWeight: 600 }}>
        {total === undefined ? '' : total === 0 ? '' : `${plural(total, 'entry', 'entries')} found`}
      </Typography>
      <Box sx={{ height: '66vh', minHeight: 440, bgcolor: 'background.paper' }}>
        <DataGrid<DirectoryRow>
          label="Directory"
          aria-describedby={helpId}
          rows={directory.data?.rows ?? []}
          rowCount={total ?? 0}
          columns={columns}
          loading={directory.loading}
          paginationMode="server"
          paginationModel={pagination}
          onPaginationModelChange={setPagination}
          pageSizeOptions={PAGE_SIZES}
          sortingMode="server"
          filterMode="server"
          disableColumnFilter
          disableColumnMenu
          disableColumnSorting
          disableRowSelectionOnClick
          getRowHeight={() => 'auto'}
          columnHeaderHeight={64}
          {...opensRecordOnClickOrEnter<DirectoryRow>((row) => openDirectoryEntry(row.id))}
          localeText={{ noRowsLabel: 'No entries match these filters.' }}
          sx={RECORD_GRID_SX}
        />
      </Box>
    </>
  );
}
