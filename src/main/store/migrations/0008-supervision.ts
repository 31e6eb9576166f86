import type { Migration } from './migration';

/**
 * Supervision: who supervises whom, weekly sessions, agenda items, decisions, actions, wellbeing check-ins, sign-off and addenda.
 * (Reserved; its tables arrive with the feature.)
 */
export const migration0008Supervision: Migration = {
  version: 8,
  name: 'supervision',
  up() {
    // Intentionally empty until the feature's tables are designed.
  },
};
