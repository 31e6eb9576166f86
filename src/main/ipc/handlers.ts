import { changeOwnPassword, resetPasswordWithRecoveryKey } from '../services/account';
import { listAudit, verifyAuditChain } from '../services/audit-log';
import { readSettings, writeSettings } from '../services/settings';
import { createUser, disableUser, listUsers, setTemporaryPassword } from '../services/users';
import { caseworkHandlers } from './casework-handlers';
import { connectionsHandlers } from './connections-handlers';
import { directoryHandlers } from './directory-handlers';
import { exportsHandlers } from './exports-handlers';
import { outcomesHandlers } from './outcomes-handlers';
import { plansHandlers } from './plans-handlers';
import { recordsHandlers } from './records-handlers';
import { reportsHandlers } from './reports-handlers';
import { supervisionHandlers } from './supervision-handlers';
import type { Handlers } from './router';

/** Binds each contract channel to its service. Handlers stay one line where they can: logic lives in services. */
export const handlers: Handlers = {
  workspace: {
    status: async (_input, session) => session.status(),
    setup: (input, session) => session.setup(input),
    // Loaded only when asked for: the generator is not part of everyday start-up.
    setupDemo: async (_input, session) => {
      const { createDemoWorkspace } = await import('../demo/demo-workspace');
      return session.runExclusive(() => createDemoWorkspace({ folder: session.files.folder }));
    },
  },
  session: {
    signIn: (input, session) => session.signIn(input.username, input.password),
    signOut: async (_input, session) => (await session.signOut(), {}),
    heartbeat: async (_input, session) => ({ idleSecondsLeft: session.idleSecondsLeft() }),
    resetPasswordWithRecoveryKey: async (input, session) => {
      await resetPasswordWithRecoveryKey(session, input.username, input.recoveryKey, input.newPassword);
      return {};
    },
  },
  account: {
    changePassword: async (input, session) => (await changeOwnPassword(session, input.currentPassword, input.newPassword), {}),
  },
  users: {
    list: (_input, session) => listUsers(session),
    create: (input, session) => createUser(session, input),
    disable: (input, session) => disableUser(session, input.userId),
    setTemporaryPassword: (input, session) => setTemporaryPassword(session, input.userId, input.temporaryPassword),
  },
  settings: {
    get: async (_input, session) => {
      const { db, workspaceName } = session.requireUnlocked();
      return { workspaceName, ...(await readSettings(db)) };
    },
    update: async (input, session) => {
      const { db } = session.requireUnlocked();
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('workspace').set({ name: input.workspaceName }).execute();
        await writeSettings(trx, { idleMinutes: input.idleMinutes });
        await session.audit({ action: 'settings.updated', details: { idleMinutes: input.idleMinutes } }, trx);
        session.updateKeyring((keyring) => ({ ...keyring, workspaceName: input.workspaceName }));
      });
      session.setIdleMinutes(input.idleMinutes, input.workspaceName);
      return input;
    },
  },
  audit: {
    list: (input, session) => listAudit(session.requireUnlocked().db, input),
    verify: async (_input, session) => {
      const result = verifyAuditChain(session.requireUnlocked().raw);
      await session.audit({ action: 'audit.verified', details: { ok: result.ok, entriesChecked: result.entriesChecked } });
      return result;
    },
  },
  ...caseworkHandlers,
  ...directoryHandlers,
  ...plansHandlers,
  ...connectionsHandlers,
  ...outcomesHandlers,
  ...supervisionHandlers,
  ...exportsHandlers,
  ...reportsHandlers,
  ...recordsHandlers,
};
