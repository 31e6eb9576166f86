import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import { CONSENT_METHODS, CONTACT_METHODS } from '../../../../shared/domain/person';
import { todayIsoDate } from '../../dates';
import { FormCheckbox } from '../../forms/FormCheckbox';
import { FormTextField } from '../../forms/FormTextField';
import type { PersonFormInput, PersonFormValues } from './person-form';

type PersonControl = Control<PersonFormInput, unknown, PersonFormValues>;

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" sx={{ mt: 3 }}>
      <Typography variant="h3" component="h3">
        {title}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, columnGap: 3 }}>{children}</Box>
    </Box>
  );
}

/** Spans both columns of a group. */
function Wide({ children }: { children: ReactNode }) {
  return <Box sx={{ gridColumn: '1 / -1' }}>{children}</Box>;
}

function ConsentFields({ control, kind }: { control: PersonControl; kind: 'socialPrescribing' | 'informationSharing' }) {
  const what = kind === 'socialPrescribing' ? 'social prescribing' : 'information sharing';
  const given = useWatch({ control, name: kind === 'socialPrescribing' ? 'consentToSocialPrescribing' : 'consentToInformationSharing' });
  return (
    <>
      <Wide>
        <FormCheckbox
          control={control}
          name={kind === 'socialPrescribing' ? 'consentToSocialPrescribing' : 'consentToInformationSharing'}
          label={`Consents to ${what}`}
        />
      </Wide>
      {given && (
        <>
          <FormTextField
            control={control}
            name={kind === 'socialPrescribing' ? 'socialPrescribingConsentDate' : 'informationSharingConsentDate'}
            label={`Date of consent to ${what}`}
            type="date"
            slotProps={{ htmlInput: { max: todayIsoDate() } }}
          />
          <FormTextField
            control={control}
            name={kind === 'socialPrescribing' ? 'socialPrescribingConsentMethod' : 'informationSharingConsentMethod'}
            label={`How consent to ${what} was given`}
            select
            slotProps={{ select: { displayEmpty: true } }}
          >
            <MenuItem value="">Choose how</MenuItem>
            {Object.entries(CONSENT_METHODS).map(([code, label]) => (
              <MenuItem key={code} value={code}>
                {label}
              </MenuItem>
            ))}
          </FormTextField>
        </>
      )}
    </>
  );
}

/**
 * Everything Linkdesk holds about a person, for a new referral and for editing. Browser autofill
 * is off: these are someone else's details, never the user's own.
 */
export function PersonDetailsFields({ control }: { control: PersonControl }) {
  const nhsNumberUnknown = useWatch({ control, name: 'nhsNumberUnknown' });
  return (
    <>
      <Group title="Who they are">
        <FormTextField
          control={control}
          name="nhsNumber"
          label="NHS number"
          hint="10 digits, for example 943 476 5919"
          disabled={nhsNumberUnknown}
          autoComplete="off"
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        />
        <Box sx={{ alignSelf: 'center', pt: { md: 3 } }}>
          <FormCheckbox
            control={control}
            name="nhsNumberUnknown"
            label="NHS number not known"
            hint="The record is flagged until the number is added."
          />
        </Box>
        <FormTextField control={control} name="givenName" label="First name" autoComplete="off" />
        <FormTextField control={control} name="familyName" label="Last name" autoComplete="off" />
        <FormTextField control={control} name="preferredName" label="Preferred name" hint="What they like to be called, if different" autoComplete="off" />
        <FormTextField control={control} name="dateOfBirth" label="Date of birth" type="date" slotProps={{ htmlInput: { max: todayIsoDate() } }} />
        <FormTextField control={control} name="pronouns" label="Pronouns" hint="For example she/her or they/them" autoComplete="off" />
      </Group>
      <Group title="How to reach them">
        <FormTextField control={control} name="phone" label="Phone" type="tel" autoComplete="off" />
        <FormTextField control={control} name="email" label="Email" type="email" autoComplete="off" />
        <FormTextField control={control} name="preferredContactMethod" label="Preferred contact method" select slotProps={{ select: { displayEmpty: true } }}>
          <MenuItem value="">Not stated</MenuItem>
          {Object.entries(CONTACT_METHODS).map(([code, label]) => (
            <MenuItem key={code} value={code}>
              {label}
            </MenuItem>
          ))}
        </FormTextField>
      </Group>
      <Group title="Address">
        <FormTextField control={control} name="addressLine1" label="Address line 1" autoComplete="off" />
        <FormTextField control={control} name="addressLine2" label="Address line 2" autoComplete="off" />
        <FormTextField control={control} name="town" label="Town or city" autoComplete="off" />
        <FormTextField control={control} name="postcode" label="Postcode" autoComplete="off" sx={{ maxWidth: 220 }} />
      </Group>
      <Group title="Care and communication">
        <FormTextField control={control} name="gpPractice" label="GP practice" autoComplete="off" />
        <FormTextField
          control={control}
          name="interpreterLanguage"
          label="Interpreter language"
          hint="Leave blank if they do not need an interpreter"
          autoComplete="off"
        />
        <FormTextField
          control={control}
          name="accessibilityNeeds"
          label="Accessibility needs"
          hint="For example large print, hearing loop, step-free access"
          multiline
          minRows={2}
        />
        <FormTextField
          control={control}
          name="carerOrNextOfKin"
          label="Carer or next of kin"
          hint="Name, how they are related and how to reach them"
          multiline
          minRows={2}
        />
      </Group>
      <Group title="Consent">
        <ConsentFields control={control} kind="socialPrescribing" />
        <ConsentFields control={control} kind="informationSharing" />
      </Group>
    </>
  );
}
