import type { GridColDef } from '@mui/x-data-grid';
import { format } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { AUDIT_ACTIONS } from '../../../../shared/audit-actions';
import type { AuditEntry } from '../../../../shared/ipc/contract';

export function actionLabel(action: string): string {
  return Object.hasOwn(AUDIT_ACTIONS, action) ? AUDIT_ACTIONS[action as keyof typeof AUDIT_ACTIONS] : action;
}

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format(date, 'd MMM yyyy, HH:mm:ss', { locale: enGB });
}

export function recordText(entry: AuditEntry): string {
  if (!entry.entityType && !entry.entityId) return '—';
  // The first 8 characters of an id are enough to tell records apart by eye.
  return [entry.entityType, entry.entityId?.slice(0, 8)].filter(Boolean).join(' ');
}

function details(entry: AuditEntry): string {
  const pairs = Object.entries(entry.details).map(([key, value]) => `${key}: ${value === null ? '—' : String(value)}`);
  return pairs.length > 0 ? pairs.join('; ') : '—';
}

// Sorting and column filters would only reorder one page of a server-paged list, so they are off.
const fixed = { sortable: false, filterable: false, disableColumnMenu: true } as const;

/** The columns; `record` draws the Record cell (a button that filters the log to that record). */
export function auditColumns(record: GridColDef<AuditEntry>['renderCell']): GridColDef<AuditEntry>[] {
  return [
    { ...fixed, field: 'id', headerName: 'No.', width: 80, type: 'number' },
    { ...fixed, field: 'at', headerName: 'When', width: 200, valueGetter: (_value, row) => when(row.at) },
    { ...fixed, field: 'actorUsername', headerName: 'Who', width: 140, valueGetter: (_value, row) => row.actorUsername ?? '—' },
    { ...fixed, field: 'action', headerName: 'What', flex: 1, minWidth: 200, valueGetter: (_value, row) => actionLabel(row.action) },
    { ...fixed, field: 'entityId', headerName: 'Record', width: 190, valueGetter: (_value, row) => recordText(row), renderCell: record },
    { ...fixed, field: 'details', headerName: 'Details', flex: 1.5, minWidth: 240, valueGetter: (_value, row) => details(row) },
  ];
}
