import type { OutputOf } from '../../../../shared/ipc/contract';

/** A person's whole record as people.get returns it. */
export type PersonRecord = OutputOf<'people', 'get'>;
export type RecordedPerson = PersonRecord['person'];
export type RecordNote = PersonRecord['notes'][number];
export type TimelineItem = PersonRecord['timeline'][number];

export function personName(person: { givenName: string; familyName: string }): string {
  return `${person.givenName} ${person.familyName}`;
}
