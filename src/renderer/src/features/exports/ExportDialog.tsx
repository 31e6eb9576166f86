import { zodResolver } from '@hookform/resolvers/zod';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import {
  EXPORT_KINDS,
  exportDeclarationSchema,
  LAWFUL_BASES,
  lawfulBasesFor,
  type ExportDeclaration,
  type ExportKind,
  type ExportResult,
} from '../../../../shared/domain/exports';
import { ApiError, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
import { FormTextField } from '../../forms/FormTextField';
import type { ExportJob, JobStep } from './export-job';
import { ExportResultDialog } from './ExportResultDialog';

type Input = z.input<typeof exportDeclarationSchema>;

interface Props {
  kind: ExportKind;
  /**
   * Calls the area's export channel with the declaration; main builds and writes the file. A long
   * export (a job in main) reports its progress through `job` and stops when `job.signal` aborts
   * (see runExportJob); a quick one can ignore `job`.
   */
  run: (declaration: ExportDeclaration, job: ExportJob) => Promise<ExportResult>;
  onClose: () => void;
  /** Anything the caller wants said above the form (for example, which plan version). */
  intro?: ReactNode;
}

/**
 * The one way to export from the screen: say why, for whom and on what lawful basis, see what the
 * file will hold, then get the file's name and (for anything identifiable) its passphrase, once.
 * While a long export runs, a progress bar shows how far it has got and Cancel stops it.
 */
export function ExportDialog({ kind, run, onClose, intro }: Props) {
  const spec = EXPORT_KINDS[kind];
  const progressLabelId = useId();
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [progress, setProgress] = useState<JobStep | null>(null);
  // The running export's controller: state, not a ref, so Cancel always sees the current one.
  const [running, setRunning] = useState<AbortController | null>(null);
  const progressRef = useRef<HTMLDivElement>(null);
  const showingProgress = progress !== null;
  // The progress sits at the top of the dialog: bring it into view if the form was scrolled down.
  useEffect(() => {
    if (showingProgress) progressRef.current?.scrollIntoView({ block: 'nearest' });
  }, [showingProgress]);
  const form = useForm<Input, unknown, ExportDeclaration>({ resolver: zodResolver(exportDeclarationSchema), defaultValues: spec.defaults });

  const submit = form.handleSubmit(async (declaration) => {
    setFailure(null);
    setProgress(null);
    const controller = new AbortController();
    setRunning(controller);
    try {
      setResult(await run(declaration, { onProgress: setProgress, signal: controller.signal }));
    } catch (error) {
      const placed = applyFieldErrors(error, form.setError, {
        'declaration.purpose': 'purpose',
        'declaration.recipient': 'recipient',
        'declaration.lawfulBasis': 'lawfulBasis',
      });
      if (!placed) setFailure(error instanceof ApiError && error.code === 'cancelled' ? 'The export was cancelled. No file was saved.' : errorMessage(error));
    } finally {
      setRunning(null);
      setProgress(null);
    }
  });

  // While an export runs, Cancel (and Escape) stop it rather than leave it running unseen.
  const close = () => {
    if (running) running.abort();
    else onClose();
  };

  if (result) return <ExportResultDialog label={spec.label} result={result} onClose={onClose} />;
  const percent = progress && progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0;
  return (
    <FormDialog
      title={`Export: ${spec.label}`}
      description={
        spec.protection === 'encrypted'
          ? 'This file holds personal data, so it is saved as an encrypted ZIP archive. You will see its passphrase once.'
          : 'This file holds no names or identifiers, so it is saved as it is.'
      }
      failure={failure}
      submitLabel="Export"
      cancelLabel={form.formState.isSubmitting ? 'Cancel export' : 'Cancel'}
      submitting={form.formState.isSubmitting}
      onClose={close}
      onSubmit={submit}
    >
      {progress && (
        <Box ref={progressRef} role="status" sx={{ mt: 2, mb: 1 }}>
          <Typography id={progressLabelId} sx={{ mb: 1 }}>
            {stepLabel(progress, percent)}
          </Typography>
          {/* No sliding between updates: the bar jumps to each new value (calmer, and never "animating"). */}
          <LinearProgress variant="determinate" value={percent} aria-labelledby={progressLabelId} sx={{ height: 8, '& .MuiLinearProgress-bar': { transition: 'none' } }} />
        </Box>
      )}
      {intro}
      <Typography component="h3" variant="subtitle1" sx={{ mt: 2 }}>
        The file will contain
      </Typography>
      <Typography component="ul" sx={{ mt: 0.5, mb: 2, pl: 3 }}>
        {spec.contains.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </Typography>
      <FormTextField control={form.control} name="purpose" label="Purpose" fullWidth margin="normal" hint="Why this file is needed." />
      <FormTextField control={form.control} name="recipient" label="Recipient" fullWidth margin="normal" hint="Who will receive it (a role or an organisation)." />
      <FormTextField control={form.control} name="lawfulBasis" label="Lawful basis" select fullWidth margin="normal">
        {lawfulBasesFor(kind).map((id) => (
          <MenuItem key={id} value={id} sx={{ whiteSpace: 'normal' }}>
            {LAWFUL_BASES[id]}
          </MenuItem>
        ))}
      </FormTextField>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        The audit log records who exported what, when, and these three answers.
      </Typography>
    </FormDialog>
  );
}

/** What the job is doing, in words: the bar fills once for reading the records and once for protecting the file. */
function stepLabel(step: JobStep, percent: number): string {
  if (step.state === 'running') {
    return step.total === 0 ? 'Starting…' : `Reading records: ${step.done.toLocaleString('en-GB')} of ${step.total.toLocaleString('en-GB')}`;
  }
  if (step.state === 'protecting') return `Compressing and encrypting the file: ${percent}%`;
  return 'Saving the file…';
}
