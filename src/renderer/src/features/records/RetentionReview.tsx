import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useCallback, useState } from 'react';
import { formatNhsNumber } from '../../../../shared/domain/nhs-number';
import type { ErasureResult, RetentionReviewRow } from '../../../../shared/ipc/records-schemas';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import { formatDate, plural } from '../../format';
import { EraseDialog } from './EraseDialog';

const PAGE_SIZE = 25;

/** People past retention (every referral closed longer ago than the policy), each with an erase action. */
export function RetentionReview({ reloadKey }: { reloadKey: number }) {
  const [page, setPage] = useState(0);
  const [erased, setErased] = useState(0);
  const load = useCallback(() => api.retention.review({ page, pageSize: PAGE_SIZE }), [page]);
  const review = useLoad(load, reloadKey + erased);
  const [erasing, setErasing] = useState<RetentionReviewRow | null>(null);
  const [done, setDone] = useState<{ name: string; result: ErasureResult } | null>(null);

  return (
    <>
      {done && (
        <Alert severity="success" role="status" sx={{ mb: 2 }}>
          {done.name}’s record was erased: {plural(done.result.rowsRemoved, 'row', 'rows')} from {plural(done.result.tables.length, 'table', 'tables')}, and the
          database rewritten so no copy is left in it.
        </Alert>
      )}
      {review.error && <Alert severity="error">{review.error}</Alert>}
      {!review.data && !review.error && <CircularProgress aria-label="Loading the records past retention" />}
      {review.data && review.data.total === 0 && <Typography>No one’s record is past the retention period.</Typography>}
      {review.data && review.data.total > 0 && (
        <TableContainer component={Paper} variant="outlined">
          <Table aria-labelledby="retention-review-heading" size="small">
            <TableHead sx={{ '& .MuiTableCell-head': { fontWeight: 700 } }}>
              <TableRow>
                <TableCell>Person</TableCell>
                <TableCell>NHS number</TableCell>
                <TableCell>Date of birth</TableCell>
                <TableCell align="right">Referrals</TableCell>
                <TableCell>Last referral closed</TableCell>
                <TableCell>Retention ended</TableCell>
                <TableCell>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {review.data.rows.map((row) => (
                <TableRow key={row.personId}>
                  <TableCell>
                    {row.givenName} {row.familyName}
                  </TableCell>
                  <TableCell>{row.nhsNumber ? formatNhsNumber(row.nhsNumber) : '—'}</TableCell>
                  <TableCell>{formatDate(row.dateOfBirth)}</TableCell>
                  <TableCell align="right">{row.episodes}</TableCell>
                  <TableCell>{row.lastClosedOn ? formatDate(row.lastClosedOn) : 'Never referred'}</TableCell>
                  <TableCell>{formatDate(row.retentionEndedOn)}</TableCell>
                  <TableCell>
                    <Button size="small" color="error" onClick={() => setErasing(row)} aria-label={`Erase ${row.givenName} ${row.familyName}’s record`}>
                      Erase…
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <TablePagination
            component="div"
            count={review.data.total}
            page={page}
            onPageChange={(_event, next) => setPage(next)}
            rowsPerPage={PAGE_SIZE}
            rowsPerPageOptions={[PAGE_SIZE]}
          />
        </TableContainer>
      )}
      {erasing && (
        <EraseDialog
          person={erasing}
          onClose={() => setErasing(null)}
          onErased={(result) => {
            setDone({ name: `${erasing.givenName} ${erasing.familyName}`, result });
            setErasing(null);
            setErased((count) => count + 1);
          }}
        />
      )}
    </>
  );
}
