import { join } from 'node:path';

/** Where a workspace keeps its files. Everything personal is inside the encrypted database. */
export function workspaceFiles(folder: string) {
  return {
    folder,
    database: join(folder, 'linkdesk.db'),
    /** Wrapped copies of the data key: one per user, one under the recovery key. No personal data. */
    keyring: join(folder, 'keyring.json'),
    /** Sign-in failures seen while locked (user name and time only), moved into the audit log at the next unlock. */
    signInAttempts: join(folder, 'sign-in-attempts.json'),
    /**
     * Who has been erased, as keyed hashes only (services/records/erasure-ledger.ts): kept outside
     * the database so that restoring an older backup can erase them again.
     */
    erasures: join(folder, 'erasures.json'),
  };
}
export type WorkspaceFiles = ReturnType<typeof workspaceFiles>;
