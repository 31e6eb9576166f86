import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { DataGrid, type GridPaginationModel, type GridSortModel } from '@mui/x-data-grid';
import { useCallback, useId, useState } from 'react';
import { CASELOAD_SORT_FIELDS, type CaseloadRow } from '../../../../shared/ipc/casework-schemas';
import type { SessionUser } from '../../../../shared/ipc/contract';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { opensRecordOnClickOrEnter, RECORD_GRID_SX } from '../../components/record-grid';
import { useAppNavigation } from '../shell/app-navigation';
import { caseloadColumns, TYPICAL_CONTACTS } from './caseload-columns';
import { CaseloadFilters, NO_CASELOAD_FILTERS, type CaseloadFilterValues } from './CaseloadFilters';

const PAGE_SIZES = [25, 50, 100];
type SortField = (typeof CASELOAD_SORT_FIELDS)[number];

function isSortField(field: string): field is SortField {
  return (CASELOAD_SORT_FIELDS as readonly string[]).includes(field);
}

/** The caseload, paged, sorted and filtered by main; a row opens the person's record. */
export function CaseloadGrid({ user }: { user: SessionUser }) {
  const { openPerson } = useAppNavigation();
  const helpId = useId();
  const [filters, setFilters] = useState<CaseloadFilterValues>(NO_CASELOAD_FILTERS);
  const [pagination, setPagination] = useState<GridPaginationModel>({ page: 0, pageSize: 25 });
  const [sortModel, setSortModel] = useState<GridSortModel>([]);
  const workers = useLoad(api.caseload.workers);

  const load = useCallback(() => {
    const sort = sortModel[0];
    return api.caseload.list({
      page: pagination.page,
      pageSize: pagination.pageSize,
      ...(sort && isSortField(sort.field) ? { sortBy: sort.field, sortDirection: sort.sort ?? 'asc' } : {}),
      workerUserId: filters.workerUserId || undefined,
      status: filters.status || undefined,
      source: filters.source || undefined,
      reason: filters.reason || undefined,
      flag: filters.flag || undefined,
      includeClosed: filters.includeClosed,
    });
  }, [pagination, sortModel, filters]);
  const caseload = useLoad(load);

  const changeFilters = (next: CaseloadFilterValues) => {
    setFilters(next);
    setPagination((current) => ({ ...current, page: 0 }));
  };
  const changeSort = (next: GridSortModel) => {
    setSortModel(next);
    setPagination((current) => ({ ...current, page: 0 }));
  };

  const me = user.role === 'link_worker' ? { id: user.id, displayName: user.displayName } : null;

  return (
    <>
      <CaseloadFilters values={filters} onChange={changeFilters} workers={workers.data ?? []} me={me} />
      {(caseload.error ?? workers.error) && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {caseload.error ?? workers.error}
        </Alert>
      )}
      <Typography id={helpId} variant="body2" sx={{ mb: 1, color: 'text.secondary' }}>
        Select a person, or press Enter on their row, to open their record. {TYPICAL_CONTACTS}
      </Typography>
      <Box sx={{ height: '68vh', minHeight: 440, bgcolor: 'background.paper' }}>
        <DataGrid<CaseloadRow>
          label="Caseload"
          aria-describedby={helpId}
          rows={caseload.data?.rows ?? []}
          rowCount={caseload.data?.total ?? 0}
          getRowId={(row) => row.episodeId}
          columns={caseloadColumns}
          loading={caseload.loading}
          paginationMode="server"
          paginationModel={pagination}
          onPaginationModelChange={setPagination}
          pageSizeOptions={PAGE_SIZES}
          sortingMode="server"
          sortModel={sortModel}
          onSortModelChange={changeSort}
          sortingOrder={['asc', 'desc', null]}
          filterMode="server"
          disableColumnFilter
          disableColumnMenu
          disableRowSelectionOnClick
          getRowHeight={() => 'auto'}
          columnHeaderHeight={64}
          {...opensRecordOnClickOrEnter<CaseloadRow>((row) => openPerson(row.personId))}
          localeText={{ noRowsLabel: 'No one on the caseload matches these filters.' }}
          sx={RECORD_GRID_SX}
        />
      </Box>
    </>
  );
}
