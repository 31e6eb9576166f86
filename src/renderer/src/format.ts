import { format, parseISO } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';

/** Date and time the way UK users write it, e.g. "22 Nov 2026, 14:05". */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format(date, 'd MMM yyyy, HH:mm', { locale: enGB });
}

/** A count with its noun, e.g. "1 entry" or "12 entries". */
export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** A calendar date the way UK users write it, e.g. "3 May 2026"; "—" when there is none. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  const date = isoDate.length === 10 ? parseISO(isoDate) : new Date(isoDate);
  return Number.isNaN(date.getTime()) ? isoDate : format(date, 'd MMM yyyy', { locale: enGB });
}
