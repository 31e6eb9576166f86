import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { DataGrid, type GridPaginationModel } from '@mui/x-data-grid';
import Button from '@mui/material/Button';
import { useCallback, useMemo, useState } from 'react';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { PageHeading } from '../../components/PageHeading';
import { nhs } from '../../theme';
import { useDebounced } from '../search/useDebounced';
import { auditColumns, recordText } from './audit-columns';
import { AuditFilters, NO_FILTERS, type AuditFilterValues } from './AuditFilters';
import { AuditVerification } from './AuditVerification';

const PAGE_SIZES = [25, 50, 100];

/** Who did what, when: every entry, paged by main (the free DataGrid shows at most 100 rows a page). */
export function AuditLogPage() {
  const [filters, setFilters] = useState<AuditFilterValues>(NO_FILTERS);
  const [pagination, setPagination] = useState<GridPaginationModel>({ page: 0, pageSize: 25 });
  const [reloadKey, setReloadKey] = useState(0);

  const users = useLoad(api.users.list);
  // A pasted id arrives whole; typed by hand, wait until the typing stops.
  const entityId = useDebounced(filters.entityId, 300);

  const load = useCallback(
    () =>
      api.audit.list({
        page: pagination.page,
        pageSize: pagination.pageSize,
        action: filters.action || undefined,
        actorUserId: filters.actorUserId || undefined,
        entityId: entityId || undefined,
        from: filters.from || undefined,
        to: filters.to || undefined,
      }),
    [pagination, filters.action, filters.actorUserId, filters.from, filters.to, entityId],
  );
  const entries = useLoad(load, reloadKey);
  // Each record cell filters the log to that record (its full id goes into the filter).
  const columns = useMemo(() => {
    const showRecord = (entityId: string) => {
      setFilters((current) => ({ ...current, entityId }));
      setPagination((current) => ({ ...current, page: 0 }));
    };
    return auditColumns(({ row }) =>
      row.entityId ? (
        <Button
          size="small"
          variant="text"
          aria-label={`${recordText(row)}: show only entries about this record`}
          sx={{ textTransform: 'none', px: 0.5, minWidth: 0 }}
          onClick={() => showRecord(row.entityId ?? '')}
        >
          {recordText(row)}
        </Button>
      ) : (
        recordText(row)
      ),
    );
  }, []);

  const changeFilters = (next: AuditFilterValues) => {
    setFilters(next);
    setPagination((current) => ({ ...current, page: 0 }));
  };

  return (
    <>
      <PageHeading>Audit log</PageHeading>
      <Typography sx={{ mb: 2, maxWidth: '70ch' }}>
        Every sign-in, change and export is recorded here. Entries say who did what to which record; they never hold the
        personal details themselves.
      </Typography>
      <AuditVerification onVerified={() => setReloadKey((key) => key + 1)} />
      <AuditFilters values={filters} onChange={changeFilters} users={users.data ?? []} />
      {(entries.error || users.error) && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {entries.error ?? users.error}
        </Alert>
      )}
      <Box sx={{ height: '65vh', minHeight: 420, bgcolor: 'background.paper' }}>
        <DataGrid
          label="Audit log entries"
          rows={entries.data?.rows ?? []}
          rowCount={entries.data?.total ?? 0}
          columns={columns}
          loading={entries.loading}
          paginationMode="server"
          paginationModel={pagination}
          onPaginationModelChange={setPagination}
          pageSizeOptions={PAGE_SIZES}
          getRowHeight={() => 'auto'}
          disableRowSelectionOnClick
          disableColumnMenu
          disableColumnSorting
          disableColumnFilter
          localeText={{ noRowsLabel: 'No audit entries match these filters.' }}
          sx={{
            '& .MuiDataGrid-cell': { py: 1, alignItems: 'flex-start' },
            '& .MuiDataGrid-columnHeaderTitle': { fontWeight: 700 },
            '& .MuiDataGrid-cell:focus, & .MuiDataGrid-cell:focus-within, & .MuiDataGrid-columnHeader:focus, & .MuiDataGrid-columnHeader:focus-within':
              { outline: `3px solid ${nhs.text}`, outlineOffset: '-3px' },
          }}
        />
      </Box>
    </>
  );
}
