import type { Role } from '../../../../shared/roles';
import {
  DIRECTORY_COSTS,
  DIRECTORY_STATUSES,
  WEEKDAYS,
  type DirectoryCost,
  type DirectoryStatus,
  type Weekday,
} from '../../../../shared/domain/directory';
import type { DirectoryEntry } from '../../../../shared/ipc/directory-contract';
import { ToneChip, type Tone } from '../../components/ToneChip';

/** Mirrors the directory contract: link workers and admins keep the directory up to date. */
export function canWriteDirectory(role: Role): boolean {
  return role === 'link_worker' || role === 'admin';
}

const STATUS_TONES: Record<DirectoryStatus, Tone> = { active: 'success', paused: 'warning', closed: 'neutral' };

export function DirectoryStatusChip({ status }: { status: DirectoryStatus }) {
  return <ToneChip label={DIRECTORY_STATUSES[status]} tone={STATUS_TONES[status]} />;
}

/** Words, not colour alone: the chip says how long it has been. */
export function staleLabel(months: number | undefined): string {
  return months ? `Not checked for ${months} ${months === 1 ? 'month' : 'months'}` : 'Not checked recently';
}

export function StaleChip({ months, neverChecked }: { months: number | undefined; neverChecked: boolean }) {
  return <ToneChip label={neverChecked ? 'Never checked' : staleLabel(months)} tone="warning" />;
}

export function costLabel(cost: DirectoryCost | null): string {
  return cost ? DIRECTORY_COSTS[cost] : 'Not known';
}

const SHORT_DAYS: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/** "Mon, Thu" — the days an entry runs, short, for the list. */
export function shortDays(weekdays: readonly Weekday[]): string {
  return weekdays.length === 0 ? 'Varies' : weekdays.map((day) => SHORT_DAYS[day]).join(', ');
}

/** "Monday 10:00 to 12:00, every week" — one session in words. */
export function describeSession(schedule: DirectoryEntry['schedules'][number]): string {
  const day = schedule.weekday ? WEEKDAYS[schedule.weekday].label : 'Day varies';
  const times = schedule.startTime && schedule.endTime ? `${schedule.startTime} to ${schedule.endTime}` : schedule.startTime ? `from ${schedule.startTime}` : '';
  return [day, times, schedule.frequency].filter(Boolean).join(', ');
}
