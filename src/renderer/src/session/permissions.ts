import type { Role } from '../../../shared/roles';

/**
 * What each role may do with casework, mirroring the roles in src/shared/ipc/casework-contract.ts.
 * Main refuses anything else anyway; these only keep buttons away from people who cannot use them.
 */
export function canReadRecords(role: Role): boolean {
  return role === 'link_worker' || role === 'gp_supervisor';
}

export function canWriteCasework(role: Role): boolean {
  return role === 'link_worker';
}
