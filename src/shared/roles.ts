/** Staff roles. A role decides which IPC channels a signed-in user may call (see ipc/contract.ts). */
export const ROLES = ['link_worker', 'gp_supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  link_worker: 'Link worker',
  gp_supervisor: 'GP supervisor',
  admin: 'Admin',
};
