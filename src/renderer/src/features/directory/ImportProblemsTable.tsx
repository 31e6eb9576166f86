import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { ImportProblemRow } from '../../../../shared/ipc/directory-contract';

/** Every problem (or warning) an import found: which file, where in it, which field and why. */
export function ImportProblemsTable({ caption, rows }: { caption: string; rows: readonly ImportProblemRow[] }) {
  return (
    <Box tabIndex={0} role="region" aria-label={caption} sx={{ maxHeight: 360, overflow: 'auto', border: 1, borderColor: 'divider', mt: 1 }}>
      <Table size="small" stickyHeader>
        <caption style={{ captionSide: 'top', textAlign: 'left', padding: '8px 16px', fontWeight: 600 }}>{caption}</caption>
        <TableHead>
          <TableRow>
            <TableCell scope="col">File</TableCell>
            <TableCell scope="col">Row or place</TableCell>
            <TableCell scope="col">Field</TableCell>
            <TableCell scope="col">What is wrong</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((problem, index) => (
            <TableRow key={index}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{problem.file}</TableCell>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>
                {[problem.row === null ? null : `Row ${problem.row}`, problem.path].filter(Boolean).join(', ') || '—'}
              </TableCell>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>{problem.field ?? '—'}</TableCell>
              <TableCell>{problem.reason}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
