import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import TableChartOutlined from '@mui/icons-material/TableChartOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { useId, useState } from 'react';
import type { ReportTable } from '../../../../shared/ipc/reports-schemas';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import { nhs } from '../../theme';
import { ReportDataTable } from './ReportDataTable';

// NHS identity colours that stay apart from one another (ONS4 draws four series).
const SERIES_COLOURS = [nhs.blue, nhs.green, nhs.warmYellow, '#330072'];
const ROW_HEIGHT = 30;

interface Props {
  title: string;
  tables: readonly ReportTable[];
  /** Long category names read better as horizontal bars. */
  layout: 'vertical' | 'horizontal';
  onExport?: () => void;
}

/** "Jan 2026: 4; Feb 2026: <8." for each table: what a screen reader hears instead of the bars. */
function summary(tables: readonly ReportTable[]): string {
  return tables
    .map((table) => {
      const rows = table.rows.map((row) => `${row.label}: ${row.count.shown}`).join('; ');
      const total = table.total ? `; total ${table.total.shown}` : '';
      return `${tables.length > 1 ? `${table.title}. ` : ''}${rows}${total}.`;
    })
    .join(' ');
}

/**
 * One section of the report as a bar chart, with its numbers as text (for screen readers, and as
 * a table on request) and its own export. Hidden counts ("<8", "*") draw no bar: the chart never
 * has the number, because main never sent it.
 */
export function ReportChart({ title, tables, layout, onExport }: Props) {
  const [showTable, setShowTable] = useState(false);
  const titleId = useId();
  const summaryId = useId();
  const tableId = useId();
  const [first] = tables;
  if (!first) return null;
  // A row with a hidden count has no bar, so its label carries what the report shows instead.
  const labels = first.rows.map((row, index) => {
    const cells = tables.map((table) => table.rows[index]?.count);
    return cells.some((cell) => cell?.value === null) ? `${row.label} (${cells.map((cell) => cell?.shown ?? '').join(' / ')})` : row.label;
  });
  const series = tables.map((table, index) => ({
    id: table.id,
    label: tables.length > 1 ? table.title : table.unit,
    data: table.rows.map((row) => row.count.value),
    color: SERIES_COLOURS[index % SERIES_COLOURS.length],
    valueFormatter: (_value: number | null, context: { dataIndex: number }) => table.rows[context.dataIndex]?.count.shown ?? null,
    barLabel: (item: { dataIndex: number; value: number | null }) => (item.value ? (table.rows[item.dataIndex]?.count.shown ?? null) : null),
    barLabelPlacement: 'outside' as const,
  }));
  const hidden = tables.some((table) => table.rows.some((row) => row.count.value === null));
  const highest = Math.max(0, ...tables.flatMap((table) => table.rows.map((row) => row.count.value ?? 0)));
  const band = { scaleType: 'band' as const, data: labels };
  // Whole numbers only, from 0; room above the tallest bar for its label; a sensible scale when nothing is drawn.
  const value = { min: 0, max: highest === 0 ? 10 : Math.ceil(highest * 1.15), tickMinStep: 1, valueFormatter: (v: number) => (Number.isInteger(v) ? v.toLocaleString('en-GB') : '') };
  const height = layout === 'horizontal' ? Math.max(200, labels.length * ROW_HEIGHT * Math.max(1, tables.length * 0.75) + 60) : 280;

  return (
    <Paper component="figure" variant="outlined" aria-labelledby={titleId} aria-describedby={summaryId} sx={{ m: 0, p: 2, display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Typography id={titleId} variant="h3" component="h3" sx={{ fontSize: '1.15rem', fontWeight: 700 }}>
        {title}
      </Typography>
      <VisuallyHidden>
        <span id={summaryId}>{summary(tables)}</span>
      </VisuallyHidden>
      <Box sx={{ width: '100%' }}>
        <BarChart
          height={height}
          layout={layout}
          series={series}
          skipAnimation
          hideLegend={tables.length < 2}
          {...(layout === 'horizontal' ? { yAxis: [{ ...band, width: 210 }], xAxis: [value] } : { xAxis: [{ ...band, height: 64, tickLabelStyle: { angle: -35, textAnchor: 'end' as const } }], yAxis: [{ ...value, width: 44 }] })}
          margin={{ right: 16 }}
        />
      </Box>
      {hidden && (
        <Typography variant="body2" color="text.secondary">
          Small numbers, and numbers that would reveal them, have no bar: their labels show them as the report does.
        </Typography>
      )}
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Button
          size="small"
          variant="text"
          startIcon={<TableChartOutlined />}
          aria-label={`${showTable ? 'Hide the numbers' : 'Show the numbers'} of ${title}`}
          aria-expanded={showTable}
          aria-controls={tableId}
          onClick={() => setShowTable((shown) => !shown)}
        >
          {showTable ? 'Hide the numbers' : 'Show the numbers'}
        </Button>
        {onExport && (
          <Button size="small" variant="text" startIcon={<FileDownloadOutlined />} aria-label={`Export this chart: ${title}`} onClick={onExport}>
            Export this chart
          </Button>
        )}
      </Box>
      <Box id={tableId} hidden={!showTable}>
        {showTable && <ReportDataTable tables={tables} caption={title} />}
      </Box>
    </Paper>
  );
}
