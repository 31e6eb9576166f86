import { zodResolver } from '@hookform/resolvers/zod';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import {
  EXPORT_KINDS,
  exportDeclarationSchema,
  LAWFUL_BASES,
  type ExportDeclaration,
  type ExportKind,
  type ExportResult,
} from '../../../../shared/domain/exports';
import { errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
import { FormTextField } from '../../forms/FormTextField';
import { ExportResultDialog } from './ExportResultDialog';

type Input = z.input<typeof exportDeclarationSchema>;

interface Props {
  kind: ExportKind;
  /** Calls the area's export channel with the declaration; main builds and writes the file. */
  run: (declaration: ExportDeclaration) => Promise<ExportResult>;
  onClose: () => void;
  /** Anything the caller wants said above the form (for example, which plan version). */
  intro?: ReactNode;
}

/**
 * The one way to export from the screen: say why, for whom and on what lawful basis, see what the
 * file will hold, then get the file's name and (for anything identifiable) its passphrase, once.
 */
export function ExportDialog({ kind, run, onClose, intro }: Props) {
  const spec = EXPORT_KINDS[kind];
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const form = useForm<Input, unknown, ExportDeclaration>({ resolver: zodResolver(exportDeclarationSchema), defaultValues: spec.defaults });

  const submit = form.handleSubmit(async (declaration) => {
    setFailure(null);
    try {
      setResult(await run(declaration));
    } catch (error) {
      const placed = applyFieldErrors(error, form.setError, {
        'declaration.purpose': 'purpose',
        'declaration.recipient': 'recipient',
        'declaration.lawfulBasis': 'lawfulBasis',
      });
      if (!placed) setFailure(errorMessage(error));
    }
  });

  if (result) return <ExportResultDialog label={spec.label} result={result} onClose={onClose} />;
  return (
    <FormDialog
      title={`Export: ${spec.label}`}
      description={
        spec.protection === 'encrypted'
          ? 'This file is about an identifiable person, so it is saved as an encrypted ZIP archive. You will see its passphrase once.'
          : 'This file holds no names or identifiers, so it is saved as it is.'
      }
      failure={failure}
      submitLabel="Export"
      submitting={form.formState.isSubmitting}
      onClose={onClose}
      onSubmit={submit}
    >
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
        {Object.entries(LAWFUL_BASES).map(([id, words]) => (
          <MenuItem key={id} value={id} sx={{ whiteSpace: 'normal' }}>
            {words}
          </MenuItem>
        ))}
      </FormTextField>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        The audit log records who exported what, when, and these three answers.
      </Typography>
    </FormDialog>
  );
}
