import { createConnection, listConnections, moveConnection } from '../services/connections/connections';
import { gapsReport } from '../services/connections/gaps';
import { listGroupSupport, recordGroupSupport } from '../services/connections/group-support';
import type { Handlers } from './router';

type ConnectionsHandlers = Pick<Handlers, 'connections' | 'groupSupport' | 'gaps'>;

/** Connections, the group support log and the gaps view: one line each, the work is in the services. */
export const connectionsHandlers: ConnectionsHandlers = {
  connections: {
    create: (input, session) => createConnection(session, input),
    move: (input, session) => moveConnection(session, input),
    list: (input, session) => listConnections(session, input),
  },
  groupSupport: {
    record: (input, session) => recordGroupSupport(session, input),
    list: (input, session) => listGroupSupport(session, input),
  },
  gaps: {
    report: (_input, session) => gapsReport(session),
  },
};
