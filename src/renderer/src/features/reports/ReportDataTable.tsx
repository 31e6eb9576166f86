import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { ReportTable } from '../../../../shared/ipc/reports-schemas';

/**
 * A chart's numbers as a table: the text alternative to every chart, with the counts exactly as
 * the report shows them ("<8", "*", "—"). Tables of one section share their rows, so each table
 * becomes a column.
 */
export function ReportDataTable({ tables, caption }: { tables: readonly ReportTable[]; caption: string }) {
  const [first] = tables;
  if (!first) return null;
  const heading = (table: ReportTable) => (tables.length > 1 ? table.title : table.unit);
  const hasTotal = tables.some((table) => table.total !== null);
  return (
    <Table size="small" sx={{ mt: 1 }}>
      <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0, fontWeight: 700 }}>{caption}</caption>
      <TableHead>
        <TableRow>
          <TableCell scope="col" />
          {tables.map((table) => (
            <TableCell key={table.id} scope="col" align="right">
              {heading(table)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {first.rows.map((row, index) => (
          <TableRow key={row.key}>
            <TableCell component="th" scope="row">
              {row.label}
            </TableCell>
            {tables.map((table) => (
              <TableCell key={table.id} align="right">
                {table.rows[index]?.count.shown ?? ''}
              </TableCell>
            ))}
          </TableRow>
        ))}
        {hasTotal && (
          <TableRow>
            <TableCell component="th" scope="row" sx={{ fontWeight: 700 }}>
              Total
            </TableCell>
            {tables.map((table) => (
              <TableCell key={table.id} align="right" sx={{ fontWeight: 700 }}>
                {table.total?.shown ?? ''}
              </TableCell>
            ))}
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}
