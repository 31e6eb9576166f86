import { listCaseload, listLinkWorkers } from '../services/caseload';
import { listCodingQueue, markCodeRecorded } from '../services/coding-queue';
import { recordContact } from '../services/contacts';
import { createEpisode, planEpisode, transitionEpisode } from '../services/episodes';
import { addNote, createPerson, updatePerson } from '../services/people';
import { getPersonRecord } from '../services/person-record';
import { searchPeople } from '../services/search';
import type { Handlers } from './router';

type CaseworkHandlers = Pick<Handlers, 'people' | 'episodes' | 'contacts' | 'coding' | 'caseload'>;

/** Casework channels: one line each, the work is in the services. */
export const caseworkHandlers: CaseworkHandlers = {
  people: {
    create: (input, session) => createPerson(session, input),
    update: (input, session) => updatePerson(session, input),
    get: (input, session) => getPersonRecord(session, input.personId),
    search: (input, session) => searchPeople(session, input.query),
    addNote: (input, session) => addNote(session, input),
  },
  episodes: {
    create: (input, session) => createEpisode(session, input),
    transition: (input, session) => transitionEpisode(session, input),
    plan: (input, session) => planEpisode(session, input),
  },
  contacts: {
    record: (input, session) => recordContact(session, input),
  },
  coding: {
    queue: (input, session) => listCodingQueue(session, input),
    markRecorded: (input, session) => markCodeRecorded(session, input),
  },
  caseload: {
    list: (input, session) => listCaseload(session, input),
    workers: (_input, session) => listLinkWorkers(session),
  },
};
