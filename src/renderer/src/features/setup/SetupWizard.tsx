import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { AuthLayout } from '../../components/AuthLayout';
import { PageHeading } from '../../components/PageHeading';
import { AdminStep } from './AdminStep';
import { DemoReady } from './DemoReady';
import { DemoWorkspaceOption, type DemoWorkspace } from './DemoWorkspaceOption';
import { RecoveryKeyStep } from './RecoveryKeyStep';
import { emptySetupForm, setupFieldMap, setupSchema, type SetupFormInput, type SetupFormValues } from './setup-schema';
import { WorkspaceStep } from './WorkspaceStep';

const STEPS = ['Workspace', 'First admin', 'Recovery key'] as const;

/**
 * First run: name the workspace, create the first admin, then show the recovery key once.
 * One form spans the first two steps so "Back" keeps what was typed.
 */
export function SetupWizard({ onFinished }: { onFinished: () => void }) {
  const [step, setStepState] = useState(0);
  // Focus follows the step heading only after someone moves between steps, not on first load.
  const [moved, setMoved] = useState(false);
  const setStep = (next: number) => {
    setMoved(true);
    setStepState(next);
  };
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [demo, setDemo] = useState<DemoWorkspace | null>(null);
  const form = useForm<SetupFormInput, unknown, SetupFormValues>({
    resolver: zodResolver(setupSchema),
    defaultValues: emptySetupForm,
  });

  const goToAdminStep = async () => {
    if (await form.trigger('workspaceName', { shouldFocus: true })) setStep(1);
  };

  const createWorkspace = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const result = await api.workspace.setup({
        workspaceName: values.workspaceName,
        adminUsername: values.username,
        adminDisplayName: values.displayName,
        adminPassword: values.password,
      });
      // The only copy the app ever holds; it goes when the wizard unmounts.
      setRecoveryKey(result.recoveryKey);
      setStep(2);
    } catch (error) {
      const allPlaced = applyFieldErrors(error, form.setError, setupFieldMap);
      if (form.getFieldState('workspaceName').error) setStep(0);
      if (!allPlaced) setFailure(errorMessage(error));
    }
  });

  if (demo) {
    return (
      <AuthLayout wide>
        <PageHeading>Set up Linkdesk</PageHeading>
        <DemoReady demo={demo} onContinue={onFinished} />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout wide>
      <PageHeading>Set up Linkdesk</PageHeading>
      <Stepper activeStep={step} alternativeLabel sx={{ my: 3 }}>
        {STEPS.map((label) => (
          <Step key={label}>
            <StepLabel>{label}</StepLabel>
          </Step>
        ))}
      </Stepper>
      <Typography variant="body2" sx={{ mb: 1, color: 'text.secondary' }}>
        Step {step + 1} of {STEPS.length}
      </Typography>
      {failure && step < 2 && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {failure}
        </Alert>
      )}
      {step === 0 && <WorkspaceStep control={form.control} focusHeading={moved} onNext={() => void goToAdminStep()} />}
      {step === 0 && <DemoWorkspaceOption onCreated={setDemo} />}
      {step === 1 && (
        <AdminStep
          control={form.control}
          submitting={form.formState.isSubmitting}
          onBack={() => setStep(0)}
          onSubmit={(event) => void createWorkspace(event)}
        />
      )}
      {step === 2 && recoveryKey && <RecoveryKeyStep recoveryKey={recoveryKey} onContinue={onFinished} />}
    </AuthLayout>
  );
}
