import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { formatNhsNumber } from '../../../../shared/domain/nhs-number';
import { CONSENT_METHODS, CONTACT_METHODS } from '../../../../shared/domain/person';
import { ToneChip } from '../../components/ToneChip';
import { ageInYears } from '../../dates';
import { formatDate } from '../../format';
import { DetailList } from './DetailList';
import type { RecordedPerson } from './record-types';

const NOT_RECORDED = 'Not recorded';

function orNotRecorded(text: string): string {
  return text.trim() === '' ? NOT_RECORDED : text;
}

function consent(given: boolean, date: string, method: keyof typeof CONSENT_METHODS | null): string {
  if (!given) return 'Not given';
  const how = method ? ` ${CONSENT_METHODS[method].toLowerCase()}` : '';
  return `Given${how}${date ? ` on ${formatDate(date)}` : ''}`;
}

function address(person: RecordedPerson): string {
  const lines = [person.addressLine1, person.addressLine2, person.town, person.postcode].filter((line) => line.trim() !== '');
  return lines.length > 0 ? lines.join('\n') : NOT_RECORDED;
}

function communicationNeeds(person: RecordedPerson): string {
  const needs = [
    person.interpreterLanguage && `Interpreter: ${person.interpreterLanguage}`,
    person.accessibilityNeeds,
  ].filter(Boolean);
  return needs.length > 0 ? needs.join('\n') : 'None recorded';
}

/** Who the person is and how to reach them, at a glance. */
export function PersonSummaryCard({ person, headingId }: { person: RecordedPerson; headingId: string }) {
  const age = ageInYears(person.dateOfBirth);
  return (
    <Paper component="section" variant="outlined" aria-labelledby={headingId} sx={{ p: 3 }}>
      <Typography id={headingId} variant="h2" component="h2" gutterBottom>
        Details
      </Typography>
      <DetailList
        items={[
          ['NHS number', person.nhsNumber ? formatNhsNumber(person.nhsNumber) : <ToneChip tone="info" label="NHS number not known" />],
          ['Date of birth', `${formatDate(person.dateOfBirth)}${age === null ? '' : ` (age ${age})`}`],
          ['Preferred name', orNotRecorded(person.preferredName)],
          ['Pronouns', orNotRecorded(person.pronouns)],
          ['Phone', orNotRecorded(person.phone)],
          ['Email', orNotRecorded(person.email)],
          ['Prefers', person.preferredContactMethod ? CONTACT_METHODS[person.preferredContactMethod] : 'Not stated'],
          ['Address', address(person)],
          ['GP practice', orNotRecorded(person.gpPractice)],
          ['Communication needs', communicationNeeds(person)],
          ['Carer or next of kin', orNotRecorded(person.carerOrNextOfKin)],
          ['Consent to social prescribing', consent(person.consentToSocialPrescribing, person.socialPrescribingConsentDate, person.socialPrescribingConsentMethod)],
          ['Consent to information sharing', consent(person.consentToInformationSharing, person.informationSharingConsentDate, person.informationSharingConsentMethod)],
        ]}
      />
    </Paper>
  );
}
