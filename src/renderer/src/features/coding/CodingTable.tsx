import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { formatNhsNumber } from '../../../../shared/domain/nhs-number';
import type { CodingItem } from '../../../../shared/ipc/casework-schemas';
import { ToneChip } from '../../components/ToneChip';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import { formatDate } from '../../format';
import { monoFontFamily } from '../../theme';

interface Props {
  items: readonly CodingItem[];
  labelledBy: string;
  /** Opens the person's record; absent for roles that may not read records. */
  onOpenPerson: ((personId: string) => void) | undefined;
  onMarkRecorded: (item: CodingItem) => void;
}

function Status({ item }: { item: CodingItem }) {
  if (item.recordedOn) return <ToneChip tone="success" label={`Recorded ${formatDate(item.recordedOn)}`} />;
  if (item.overdue) return <ToneChip tone="alert" label="Overdue" />;
  return <ToneChip tone="neutral" label="Waiting" />;
}

export function CodingTable({ items, labelledBy, onOpenPerson, onMarkRecorded }: Props) {
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table aria-labelledby={labelledBy}>
        <TableHead sx={{ '& .MuiTableCell-head': { fontWeight: 700 } }}>
          <TableRow>
            <TableCell>Person</TableCell>
            <TableCell>NHS number</TableCell>
            <TableCell>SNOMED code</TableCell>
            <TableCell>Contact date</TableCell>
            <TableCell>Due by</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>
              <VisuallyHidden>Actions</VisuallyHidden>
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((item) => (
            <TableRow key={item.id}>
              <TableCell>
                {onOpenPerson ? (
                  <Link component="button" type="button" variant="body1" onClick={() => onOpenPerson(item.personId)} sx={{ textAlign: 'left' }}>
                    {item.personName}
                  </Link>
                ) : (
                  item.personName
                )}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{item.nhsNumber ? formatNhsNumber(item.nhsNumber) : 'Not known'}</TableCell>
              <TableCell>
                <Box component="span" sx={{ display: 'block', fontFamily: monoFontFamily }}>
                  {item.code}
                </Box>
                {item.term}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(item.contactOn)}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(item.dueOn)}</TableCell>
              <TableCell>
                <Status item={item} />
              </TableCell>
              <TableCell>
                {!item.recordedOn && (
                  <Button variant="outlined" onClick={() => onMarkRecorded(item)} sx={{ whiteSpace: 'nowrap' }}>
                    Mark as recorded<VisuallyHidden>: {item.term} for {item.personName}</VisuallyHidden>
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
