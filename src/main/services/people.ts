import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { createPersonSchema, CreatePersonResult, DuplicateMatch, PersonDetails, PersonSummary, updatePersonSchema } from '../../shared/ipc/casework-schemas';
import { AppError } from '../errors';
import type { LinkdeskDb } from '../store/kysely';
import type { PeopleTable } from '../store/schema';
import { invalidInput, nullIfEmpty, todayOf } from './casework-common';
import type { WorkspaceSession } from './workspace-session';

/**
 * People: the details a link worker keeps about someone, and the duplicate check on entry. An
 * NHS number belongs to one record only; the same name and date of birth is probably the same
 * person, so it is shown back unless the user has said these records are someone else.
 */
export type PersonRow = Selectable<PeopleTable>;
type CreatePersonInput = z.output<typeof createPersonSchema>;
type UpdatePersonInput = z.output<typeof updatePersonSchema>;

export const STALE_PERSON_MESSAGE = 'Someone else changed this record; reload it.';

/** Lower case, accents and repeated spaces removed: "  ZOË " and "zoe" are the same name. */
export function foldName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en-GB').replace(/\s+/g, ' ').trim();
}

export function personFlags(row: { nhs_number: string | null }): 'nhs_number_unknown'[] {
  return row.nhs_number === null ? ['nhs_number_unknown'] : [];
}

export function toSummary(row: PersonRow): PersonSummary {
  return {
    id: row.id,
    nhsNumber: row.nhs_number,
    givenName: row.given_name,
    familyName: row.family_name,
    preferredName: row.preferred_name,
    dateOfBirth: row.date_of_birth ?? '',
    flags: personFlags(row),
  };
}

/** The record as the edit form holds it: '' for every empty text field. */
export function toDetails(row: PersonRow): PersonDetails {
  return {
    nhsNumber: row.nhs_number ?? '',
    givenName: row.given_name,
    familyName: row.family_name,
    preferredName: row.preferred_name ?? '',
    dateOfBirth: row.date_of_birth ?? '',
    pronouns: row.pronouns ?? '',
    phone: row.phone ?? '',
    email: row.email ?? '',
    preferredContactMethod: row.preferred_contact_method,
    addressLine1: row.address_line1 ?? '',
    addressLine2: row.address_line2 ?? '',
    town: row.town ?? '',
    postcode: row.postcode ?? '',
    gpPractice: row.gp_practice ?? '',
    interpreterLanguage: row.interpreter_language ?? '',
    accessibilityNeeds: row.accessibility_needs ?? '',
    carerOrNextOfKin: row.carer_or_next_of_kin ?? '',
    consentToSocialPrescribing: row.consent_social_prescribing === 1,
    socialPrescribingConsentDate: row.social_prescribing_consent_date ?? '',
    socialPrescribingConsentMethod: row.social_prescribing_consent_method,
    consentToInformationSharing: row.consent_information_sharing === 1,
    informationSharingConsentDate: row.information_sharing_consent_date ?? '',
    informationSharingConsentMethod: row.information_sharing_consent_method,
  };
}

/** The stored columns for a person's details. Consent not given carries no date or method. */
function detailColumns(details: PersonDetails) {
  const sp = details.consentToSocialPrescribing;
  const is = details.consentToInformationSharing;
  return {
    nhs_number: nullIfEmpty(details.nhsNumber),
    given_name: details.givenName,
    family_name: details.familyName,
    preferred_name: nullIfEmpty(details.preferredName),
    date_of_birth: details.dateOfBirth,
    pronouns: nullIfEmpty(details.pronouns),
    phone: nullIfEmpty(details.phone),
    email: nullIfEmpty(details.email),
    preferred_contact_method: details.preferredContactMethod,
    address_line1: nullIfEmpty(details.addressLine1),
    address_line2: nullIfEmpty(details.addressLine2),
    town: nullIfEmpty(details.town),
    postcode: nullIfEmpty(details.postcode),
    gp_practice: nullIfEmpty(details.gpPractice),
    interpreter_language: nullIfEmpty(details.interpreterLanguage),
    accessibility_needs: nullIfEmpty(details.accessibilityNeeds),
    carer_or_next_of_kin: nullIfEmpty(details.carerOrNextOfKin),
    consent_social_prescribing: sp ? 1 : 0,
    social_prescribing_consent_date: sp ? nullIfEmpty(details.socialPrescribingConsentDate) : null,
    social_prescribing_consent_method: sp ? details.socialPrescribingConsentMethod : null,
    consent_information_sharing: is ? 1 : 0,
    information_sharing_consent_date: is ? nullIfEmpty(details.informationSharingConsentDate) : null,
    information_sharing_consent_method: is ? details.informationSharingConsentMethod : null,
  };
}

/** Date rules that depend on today (the session clock) rather than on the form alone. */
function checkDates(session: WorkspaceSession, details: PersonDetails): void {
  const today = todayOf(session);
  const fields: Record<string, string> = {};
  if (details.dateOfBirth > today) fields.dateOfBirth = 'The date of birth must be in the past';
  const consentDates = [
    ['socialPrescribingConsentDate', details.consentToSocialPrescribing, details.socialPrescribingConsentDate],
    ['informationSharingConsentDate', details.consentToInformationSharing, details.informationSharingConsentDate],
  ] as const;
  for (const [field, given, date] of consentDates) {
    if (!given || !date) continue;
    if (date > today) fields[field] = 'The consent date cannot be in the future';
    else if (date < details.dateOfBirth) fields[field] = 'The consent date cannot be before the date of birth';
  }
  if (Object.keys(fields).length > 0) invalidInput(fields);
}

async function findPossibleDuplicates(db: LinkdeskDb, details: PersonDetails, notTheSameAs: readonly string[]): Promise<DuplicateMatch[]> {
  const matches: DuplicateMatch[] = [];
  if (details.nhsNumber) {
    const sameNumber = await db.selectFrom('people').selectAll().where('nhs_number', '=', details.nhsNumber).execute();
    // The same NHS number is never a second record, whatever the user says.
    for (const row of sameNumber) matches.push({ ...toSummary(row), matchedOn: 'nhs_number' });
  }
  const given = foldName(details.givenName);
  const family = foldName(details.familyName);
  const sameBirthday = await db.selectFrom('people').selectAll().where('date_of_birth', '=', details.dateOfBirth).orderBy('family_name').orderBy('given_name').execute();
  for (const row of sameBirthday) {
    if (matches.some((match) => match.id === row.id) || notTheSameAs.includes(row.id)) continue;
    if (foldName(row.given_name) === given && foldName(row.family_name) === family) matches.push({ ...toSummary(row), matchedOn: 'name_and_date_of_birth' });
  }
  return matches;
}

export async function createPerson(session: WorkspaceSession, input: CreatePersonInput): Promise<CreatePersonResult> {
  const { db, user } = session.requireUnlocked();
  const { notTheSameAs, ...details } = input;
  checkDates(session, details);
  return db.transaction().execute(async (trx) => {
    const matches = await findPossibleDuplicates(trx, details, notTheSameAs);
    if (matches.length > 0) {
      // Showing the matches shows their details: each is recorded as seen.
      for (const match of matches) {
        await session.audit({ action: 'person.duplicates_shown', entityType: 'person', entityId: match.id, details: { matchedOn: match.matchedOn } }, trx);
      }
      return { outcome: 'possible_duplicate', matches };
    }
    const now = session.clock.now().toISOString();
    const id = randomUUID();
    await trx
      .insertInto('people')
      .values({ id, ...detailColumns(details), created_at: now, created_by: user.id, updated_at: now, updated_by: user.id })
      .execute();
    await session.audit({ action: 'person.created', entityType: 'person', entityId: id, details: { nhsNumberKnown: details.nhsNumber !== '' } }, trx);
    const row = await trx.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return { outcome: 'created', person: toSummary(row) };
  });
}

const FIELD_NAMES: Record<keyof ReturnType<typeof detailColumns>, keyof PersonDetails> = {
  nhs_number: 'nhsNumber',
  given_name: 'givenName',
  family_name: 'familyName',
  preferred_name: 'preferredName',
  date_of_birth: 'dateOfBirth',
  pronouns: 'pronouns',
  phone: 'phone',
  email: 'email',
  preferred_contact_method: 'preferredContactMethod',
  address_line1: 'addressLine1',
  address_line2: 'addressLine2',
  town: 'town',
  postcode: 'postcode',
  gp_practice: 'gpPractice',
  interpreter_language: 'interpreterLanguage',
  accessibility_needs: 'accessibilityNeeds',
  carer_or_next_of_kin: 'carerOrNextOfKin',
  consent_social_prescribing: 'consentToSocialPrescribing',
  social_prescribing_consent_date: 'socialPrescribingConsentDate',
  social_prescribing_consent_method: 'socialPrescribingConsentMethod',
  consent_information_sharing: 'consentToInformationSharing',
  information_sharing_consent_date: 'informationSharingConsentDate',
  information_sharing_consent_method: 'informationSharingConsentMethod',
};

/** Saves changed details if nobody else saved the record since the caller read it. */
export async function updatePerson(session: WorkspaceSession, input: UpdatePersonInput): Promise<PersonSummary> {
  const { db, user } = session.requireUnlocked();
  const { personId, rowVersion, ...details } = input;
  checkDates(session, details);
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('people').selectAll().where('id', '=', personId).executeTakeFirst();
    if (!current) throw new AppError('not_found', 'That person does not exist.');
    if (current.row_version !== rowVersion) throw new AppError('conflict', STALE_PERSON_MESSAGE);
    const columns = detailColumns(details);
    if (columns.nhs_number !== null && columns.nhs_number !== current.nhs_number) {
      const holder = await trx.selectFrom('people').select('id').where('nhs_number', '=', columns.nhs_number).executeTakeFirst();
      if (holder) throw new AppError('conflict', 'Another person already has this NHS number.', { nhsNumber: 'Another person already has this NHS number' });
    }
    const changed = (Object.keys(columns) as (keyof typeof columns)[]).filter((column) => columns[column] !== current[column]).map((column) => FIELD_NAMES[column]);
    const result = await trx
      .updateTable('people')
      .set((eb) => ({ ...columns, updated_at: session.clock.now().toISOString(), updated_by: user.id, row_version: eb('row_version', '+', 1) }))
      .where('id', '=', personId)
      .where('row_version', '=', rowVersion)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError('conflict', STALE_PERSON_MESSAGE);
    await session.audit({ action: 'person.updated', entityType: 'person', entityId: personId, details: { fields: changed.join(',') } }, trx);
    const row = await trx.selectFrom('people').selectAll().where('id', '=', personId).executeTakeFirstOrThrow();
    return toSummary(row);
  });
}

export async function addNote(session: WorkspaceSession, input: { personId: string; episodeId: string | null; text: string }): Promise<{ id: string }> {
  const { db, user } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    const person = await trx.selectFrom('people').select('id').where('id', '=', input.personId).executeTakeFirst();
    if (!person) throw new AppError('not_found', 'That person does not exist.');
    if (input.episodeId) {
      const episode = await trx.selectFrom('episodes').select('person_id').where('id', '=', input.episodeId).executeTakeFirst();
      if (!episode || episode.person_id !== input.personId) invalidInput({ episodeId: "Choose one of this person's referrals" });
    }
    const id = randomUUID();
    await trx
      .insertInto('person_notes')
      .values({ id, person_id: input.personId, episode_id: input.episodeId, text: input.text.trim(), created_at: session.clock.now().toISOString(), created_by: user.id })
      .execute();
    await session.audit({ action: 'person.note_added', entityType: 'person', entityId: input.personId, details: { noteId: id, episodeId: input.episodeId } }, trx);
    return { id };
  });
}
