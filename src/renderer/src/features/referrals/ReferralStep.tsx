import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { REFERRAL_REASONS, REFERRAL_SOURCES, URGENCIES } from '../../../../shared/domain/referral';
import type { Episode } from '../../../../shared/ipc/casework-schemas';
import { api, ApiError, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { PageHeading } from '../../components/PageHeading';
import { todayIsoDate } from '../../dates';
import { FormCheckboxGroup } from '../../forms/FormCheckboxGroup';
import { FormTextField } from '../../forms/FormTextField';
import { useAppNavigation, type ReferralPerson } from '../shell/app-navigation';
import { emptyReferralForm, referralFieldMap, referralFormSchema, type ReferralFormInput, type ReferralFormValues } from './referral-form';

interface Props {
  person: ReferralPerson;
  /** True when the person step came first, so focus follows the new heading. */
  focusHeading: boolean;
  onSaved: (episode: Episode) => void;
  onCancel: () => void;
}

/** Where the referral came from, why, and how urgent it is. */
export function ReferralStep({ person, focusHeading, onSaved, onCancel }: Props) {
  const { openPerson } = useAppNavigation();
  const [failure, setFailure] = useState<{ message: string; alreadyOpen: boolean } | null>(null);
  const form = useForm<ReferralFormInput, unknown, ReferralFormValues>({
    resolver: zodResolver(referralFormSchema),
    defaultValues: emptyReferralForm(),
  });
  const reasons = useWatch({ control: form.control, name: 'reasons' });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      onSaved(await api.episodes.create({ personId: person.id, ...values, reasonOther: values.reasons.includes('other') ? values.reasonOther : '' }));
    } catch (error) {
      // A conflict here means the person already has an open referral: offer their record.
      if (!applyFieldErrors(error, form.setError, referralFieldMap)) setFailure({ message: errorMessage(error), alreadyOpen: error instanceof ApiError && error.code === 'conflict' });
    }
  });

  return (
    <Box component="form" noValidate onSubmit={(event) => void submit(event)}>
      <PageHeading level={2} focusOnMount={focusHeading}>
        The referral for {person.name}
      </PageHeading>
      {failure && (
        <Alert
          severity="error"
          role="alert"
          sx={{ my: 2 }}
          action={
            failure.alreadyOpen ? (
              <Button color="inherit" variant="outlined" onClick={() => openPerson(person.id)}>
                Open {person.name}’s record
              </Button>
            ) : undefined
          }
        >
          {failure.message}
        </Alert>
      )}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, columnGap: 3 }}>
        <FormTextField control={form.control} name="source" label="Referral source" select slotProps={{ select: { displayEmpty: true } }}>
          <MenuItem value="">Choose where it came from</MenuItem>
          {Object.entries(REFERRAL_SOURCES).map(([code, label]) => (
            <MenuItem key={code} value={code}>
              {label}
            </MenuItem>
          ))}
        </FormTextField>
        <FormTextField
          control={form.control}
          name="receivedOn"
          label="Date received"
          type="date"
          slotProps={{ htmlInput: { max: todayIsoDate() } }}
        />
        <FormTextField control={form.control} name="referrerName" label="Referrer name" autoComplete="off" />
        <FormTextField control={form.control} name="referrerOrganisation" label="Referrer organisation" autoComplete="off" />
        <FormTextField
          control={form.control}
          name="referrerContact"
          label="Referrer phone or email"
          hint="So you can tell them how it went"
          autoComplete="off"
        />
        <FormTextField control={form.control} name="urgency" label="Urgency" select>
          {Object.entries(URGENCIES).map(([code, label]) => (
            <MenuItem key={code} value={code}>
              {label}
            </MenuItem>
          ))}
        </FormTextField>
      </Box>
      <FormCheckboxGroup
        control={form.control}
        name="reasons"
        legend="Reasons for the referral"
        hint="Choose all that apply."
        options={REFERRAL_REASONS}
      />
      {reasons?.includes('other') && (
        <FormTextField control={form.control} name="reasonOther" label="Other reason" autoComplete="off" />
      )}
      <FormTextField control={form.control} name="notes" label="Referral notes" multiline minRows={3} />
      <Typography variant="body2" sx={{ color: 'text.secondary', mt: 1 }}>
        The referral goes on your caseload. You can plan the first contact from the person’s record.
      </Typography>
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', gap: 2, mt: 3 }}>
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="contained" loading={form.formState.isSubmitting}>
          Save referral
        </Button>
      </Box>
    </Box>
  );
}
