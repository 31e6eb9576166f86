import { createEntry, getEntry, listOrganisations, markChecked, readStaleMonths, updateEntry, updateStaleMonths } from '../services/directory/directory';
import { listDirectory } from '../services/directory/directory-search';
import { exportOruk } from '../services/directory/oruk-export';
import { importOruk } from '../services/directory/oruk-import';
import type { Handlers } from './router';

type DirectoryHandlers = Pick<Handlers, 'directory'>;

export const directoryHandlers: DirectoryHandlers = {
  directory: {
    list: (input, session) => listDirectory(session, input),
    get: (input, session) => getEntry(session, input.id),
    organisations: (input, session) => listOrganisations(session, input),
    create: (input, session) => createEntry(session, input),
    update: (input, session) => updateEntry(session, input),
    markChecked: (input, session) => markChecked(session, input.id),
    importOruk: (input, session) => importOruk(session, input),
    exportOruk: (input, session) => exportOruk(session, input.format),
    settings: async (_input, session) => ({ staleMonths: await readStaleMonths(session.requireUnlocked().db) }),
    updateSettings: (input, session) => updateStaleMonths(session, input.staleMonths),
  },
};
