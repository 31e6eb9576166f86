import { zodResolver } from '@hookform/resolvers/zod';
import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { assignPairSchema, type AssignPairInput, type PairsOverview, type SupervisionPair } from '../../../../shared/ipc/supervision-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
import { FormTextField } from '../../forms/FormTextField';

interface Props {
  overview: PairsOverview;
  onClose: () => void;
  onAssigned: (pair: SupervisionPair) => void;
}

export function AssignPairDialog({ overview, onClose, onAssigned }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<AssignPairInput, unknown, AssignPairInput>({ resolver: zodResolver(assignPairSchema), defaultValues: { supervisorUserId: '', workerUserId: '' } });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      onAssigned(await api.supervisionPairs.assign(values));
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, { supervisorUserId: 'supervisorUserId', workerUserId: 'workerUserId' })) setFailure(errorMessage(error));
    }
  });

  return (
    <FormDialog
      title="Assign a link worker to a GP supervisor"
      description="The GP supervisor will hold supervision with this link worker and be able to read their caseload."
      failure={failure}
      submitLabel="Assign"
      submitting={form.formState.isSubmitting}
      onClose={onClose}
      onSubmit={submit}
    >
      <FormTextField control={form.control} name="supervisorUserId" label="GP supervisor" select fullWidth margin="normal" autoFocus>
        {overview.supervisors.map((user) => (
          <MenuItem key={user.id} value={user.id}>
            {user.displayName}
          </MenuItem>
        ))}
      </FormTextField>
      <FormTextField control={form.control} name="workerUserId" label="Link worker" select fullWidth margin="normal">
        {overview.workers.map((user) => (
          <MenuItem key={user.id} value={user.id}>
            {user.displayName}
          </MenuItem>
        ))}
      </FormTextField>
    </FormDialog>
  );
}
