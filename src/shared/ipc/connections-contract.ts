import { z } from 'zod';
import { channel, noInput } from './channel';
import {
  connectionSchema,
  createConnectionSchema,
  gapsReportSchema,
  groupSupportSchema,
  listConnectionsSchema,
  listGroupSupportSchema,
  moveConnectionSchema,
  recordGroupSupportSchema,
} from './connections-schemas';

/**
 * Connections to community groups and services, support given to those groups, and the gaps
 * view. Connections are casework: link workers write, GP supervisors read, admins see neither.
 * The group support log and the gaps view hold no personal data: link workers and admins record
 * support, and everyone signed in can read both.
 */
const CASEWORK_WRITE = ['link_worker'] as const;
const CASEWORK_READ = ['link_worker', 'gp_supervisor'] as const;
const GROUPS_WRITE = ['link_worker', 'admin'] as const;
const EVERYONE = ['link_worker', 'gp_supervisor', 'admin'] as const;

export const connectionsAreas = {
  connections: {
    create: channel({ input: createConnectionSchema, output: connectionSchema, access: CASEWORK_WRITE }),
    /** A status change: the next step, or stopped with a reason. */
    move: channel({ input: moveConnectionSchema, output: connectionSchema, access: CASEWORK_WRITE }),
    list: channel({ input: listConnectionsSchema, output: z.array(connectionSchema), access: CASEWORK_READ }),
  },
  groupSupport: {
    record: channel({ input: recordGroupSupportSchema, output: groupSupportSchema, access: GROUPS_WRITE }),
    list: channel({ input: listGroupSupportSchema, output: z.array(groupSupportSchema), access: EVERYONE }),
  },
  gaps: {
    report: channel({ input: noInput, output: gapsReportSchema, access: EVERYONE }),
  },
} as const;
