import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { DataGrid, type GridPaginationModel } from '@mui/x-data-grid';
import { useCallback, useId, useState } from 'react';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { RECORD_GRID_SX, SERVER_PAGED_GRID } from '../../components/record-grid';
import { exportRegisterColumns } from './export-register-columns';

const PAGE_SIZES = [10, 25, 50];

/** Past exports, from the audit log: admins see every export, everyone else their own. No passphrases: Linkdesk keeps none. */
export function ExportRegister({ reloadKey }: { reloadKey: number }) {
  const headingId = useId();
  const [pagination, setPagination] = useState<GridPaginationModel>({ page: 0, pageSize: 10 });
  const load = useCallback(() => api.exports.list({ page: pagination.page, pageSize: pagination.pageSize }), [pagination]);
  const register = useLoad(load, reloadKey);

  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mt: 5 }}>
      <Typography id={headingId} variant="h2" component="h2" gutterBottom>
        Past exports
      </Typography>
      {register.data && (
        <Typography sx={{ mb: 2, maxWidth: '75ch' }}>
          {register.data.everyone ? 'Every export made in this workspace' : 'The exports you have made'}, newest first, as the audit log records them. Files are
          saved in <strong>{register.data.folder}</strong>. Passphrases are never kept.
        </Typography>
      )}
      {register.error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {register.error}
        </Alert>
      )}
      <Box sx={{ height: 480, bgcolor: 'background.paper' }}>
        <DataGrid
          label="Past exports"
          rows={register.data?.rows ?? []}
          getRowId={(row) => row.auditId}
          rowCount={register.data?.total ?? 0}
          columns={exportRegisterColumns}
          loading={register.loading}
          {...SERVER_PAGED_GRID}
          paginationModel={pagination}
          onPaginationModelChange={setPagination}
          pageSizeOptions={PAGE_SIZES}
          localeText={{ noRowsLabel: 'No exports yet.' }}
          // The record grids' look; rows here open nothing, and long hashes wrap.
          sx={{
            ...RECORD_GRID_SX,
            '& .MuiDataGrid-row': { cursor: 'default' },
            '& .MuiDataGrid-cell': { py: 1, alignItems: 'flex-start', overflowWrap: 'anywhere', whiteSpace: 'normal' },
          }}
        />
      </Box>
    </Box>
  );
}
