import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { FormEvent } from 'react';
import type { Control } from 'react-hook-form';
import { PageHeading } from '../../components/PageHeading';
import { FormTextField } from '../../forms/FormTextField';
import type { SetupFormInput, SetupFormValues } from './setup-schema';

interface Props {
  control: Control<SetupFormInput, unknown, SetupFormValues>;
  focusHeading: boolean;
  onNext: () => void;
}

export function WorkspaceStep({ control, focusHeading, onNext }: Props) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onNext();
  };
  return (
    <form noValidate onSubmit={submit}>
      <PageHeading level={2} focusOnMount={focusHeading}>
        Name this workspace
      </PageHeading>
      <Typography>
        Linkdesk keeps your caseload encrypted on this PC. Setting it up takes a few minutes: name the workspace, create the
        first admin account, then store the recovery key.
      </Typography>
      <FormTextField
        control={control}
        name="workspaceName"
        label="PCN or practice name"
        hint="Shown when people sign in. You can change it later in Settings."
        autoComplete="organization"
      />
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: 3 }}>
        <Button type="submit" variant="contained">
          Next
        </Button>
      </Box>
    </form>
  );
}
