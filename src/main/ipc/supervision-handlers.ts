import { addAction, completeAction, listActions, removeAction, reopenAction } from '../services/supervision/actions';
import { addCase, recordDiscussion, refreshAgenda } from '../services/supervision/agenda';
import { searchSessions } from '../services/supervision/history';
import { assignPair, endPair, listPairs, myPairs } from '../services/supervision/pairs';
import { clearFlag, listFlags, raiseFlag } from '../services/supervision/person-flags';
import { addAddendum, createSession, getSession, listSessions, signSession, updateSession } from '../services/supervision/sessions';
import { exportSessionRecord } from '../services/supervision/session-record-pdf';
import { saveWellbeing } from '../services/supervision/wellbeing';
import type { Handlers } from './router';

type SupervisionHandlers = Pick<Handlers, 'supervisionPairs' | 'supervision' | 'personFlags'>;

/** Supervision channels: one line each, the work is in the services. */
export const supervisionHandlers: SupervisionHandlers = {
  supervisionPairs: {
    list: (_input, session) => listPairs(session),
    assign: (input, session) => assignPair(session, input),
    end: (input, session) => endPair(session, input.pairId),
  },
  supervision: {
    pairs: (_input, session) => myPairs(session),
    sessions: (input, session) => listSessions(session, input),
    create: (input, session) => createSession(session, input),
    update: (input, session) => updateSession(session, input),
    get: (input, session) => getSession(session, input.sessionId),
    refreshAgenda: (input, session) => refreshAgenda(session, input.sessionId),
    addCase: (input, session) => addCase(session, input),
    recordDiscussion: (input, session) => recordDiscussion(session, input),
    addAction: (input, session) => addAction(session, input),
    removeAction: (input, session) => removeAction(session, input.actionId),
    completeAction: (input, session) => completeAction(session, input),
    reopenAction: (input, session) => reopenAction(session, input.actionId),
    saveWellbeing: (input, session) => saveWellbeing(session, input),
    sign: (input, session) => signSession(session, input.sessionId),
    addAddendum: (input, session) => addAddendum(session, input),
    search: (input, session) => searchSessions(session, input),
    actions: (input, session) => listActions(session, input),
    exportRecord: (input, session) => exportSessionRecord(session, input),
  },
  personFlags: {
    list: (input, session) => listFlags(session, input.personId),
    raise: (input, session) => raiseFlag(session, input),
    clear: (input, session) => clearFlag(session, input),
  },
};
