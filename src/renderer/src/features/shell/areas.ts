import type { Role } from '../../../../shared/roles';

export type AreaId = 'caseload' | 'coding' | 'directory' | 'supervision' | 'reports' | 'exports' | 'records' | 'settings' | 'audit';

export interface AreaSpec {
  id: AreaId;
  label: string;
  /** Roles that see the area; absent means everyone. */
  roles?: readonly Role[];
}

/** The navigation, in order. Main checks roles on every call too: hiding an item is only tidiness. */
export const AREAS: readonly AreaSpec[] = [
  { id: 'caseload', label: 'Caseload' },
  { id: 'coding', label: 'GP coding' },
  { id: 'directory', label: 'Directory' },
  { id: 'supervision', label: 'Supervision' },
  { id: 'reports', label: 'Reports' },
  { id: 'exports', label: 'Exports' },
  { id: 'records', label: 'Backup and retention', roles: ['admin'] },
  { id: 'settings', label: 'Settings' },
  { id: 'audit', label: 'Audit log', roles: ['admin'] },
];

export const LANDING_AREA: AreaId = 'caseload';

export function areasFor(role: Role): AreaSpec[] {
  return AREAS.filter((area) => !area.roles || area.roles.includes(role));
}
