import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { FormEvent } from 'react';
import type { Control } from 'react-hook-form';
import { PageHeading } from '../../components/PageHeading';
import { FormTextField } from '../../forms/FormTextField';
import { NewPasswordFields } from '../../forms/NewPasswordFields';
import { PASSWORD_HINT } from '../../forms/passwords';
import type { SetupFormInput, SetupFormValues } from './setup-schema';

interface Props {
  control: Control<SetupFormInput, unknown, SetupFormValues>;
  submitting: boolean;
  onBack: () => void;
  onSubmit: (event: FormEvent) => void;
}

export function AdminStep({ control, submitting, onBack, onSubmit }: Props) {
  return (
    <form noValidate onSubmit={onSubmit}>
      <PageHeading level={2}>Create the first admin account</PageHeading>
      <Typography>Admins add the other people who use Linkdesk and look after the workspace settings.</Typography>
      <FormTextField
        control={control}
        name="username"
        label="User name"
        hint="Letters, numbers, dots, dashes or underscores, for example j.smith"
        autoComplete="username"
      />
      <FormTextField control={control} name="displayName" label="Full name" autoComplete="name" />
      <NewPasswordFields control={control} name="password" confirmName="confirmPassword" label="Password" hint={PASSWORD_HINT} />
      <Box sx={{ display: 'flex', justifyContent: 'space-between', mt: 3 }}>
        <Button variant="outlined" onClick={onBack} disabled={submitting}>
          Back
        </Button>
        <Button type="submit" variant="contained" loading={submitting}>
          Create workspace
        </Button>
      </Box>
    </form>
  );
}
