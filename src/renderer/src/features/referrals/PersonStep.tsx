import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { DuplicateMatch } from '../../../../shared/ipc/casework-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { PageHeading } from '../../components/PageHeading';
import { emptyPersonForm, personFieldMap, personFormSchema, toPersonDetails, type PersonFormInput, type PersonFormValues } from '../person/person-form';
import { PersonDetailsFields } from '../person/PersonDetailsFields';
import type { ReferralPerson } from '../shell/app-navigation';
import { DuplicateMatches, fullName } from './DuplicateMatches';

interface Props {
  onPerson: (person: ReferralPerson) => void;
  onCancel: () => void;
}

/** Step one: who the referral is for. Main checks for someone already in Linkdesk before adding them. */
export function PersonStep({ onPerson, onCancel }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const [matches, setMatches] = useState<DuplicateMatch[] | null>(null);
  const [busy, setBusy] = useState(false);
  // Coming back from the possible duplicates, focus returns to this step's heading.
  const [returned, setReturned] = useState(false);
  // The checked details and the people the user has said are someone else, for resubmitting.
  const [checked, setChecked] = useState<{ values: PersonFormValues; notTheSameAs: string[] } | null>(null);
  const form = useForm<PersonFormInput, unknown, PersonFormValues>({
    resolver: zodResolver(personFormSchema),
    defaultValues: emptyPersonForm,
  });

  const create = async (values: PersonFormValues, notTheSameAs: string[]) => {
    setChecked({ values, notTheSameAs });
    setFailure(null);
    const result = await api.people.create({ ...toPersonDetails(values), notTheSameAs });
    if (result.outcome === 'created') onPerson({ id: result.person.id, name: fullName(result.person) });
    else setMatches(result.matches);
  };

  const submit = form.handleSubmit(async (values) => {
    try {
      await create(values, []);
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, personFieldMap)) setFailure(errorMessage(error));
    }
  });

  const someoneElse = async (match: DuplicateMatch) => {
    if (!checked) return;
    setBusy(true);
    try {
      await create(checked.values, [...checked.notTheSameAs, match.id]);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  if (matches) {
    return (
      <DuplicateMatches
        matches={matches}
        busy={busy}
        failure={failure}
        onUse={(match) => onPerson({ id: match.id, name: fullName(match) })}
        onSomeoneElse={(match) => void someoneElse(match)}
        onBack={() => {
          setMatches(null);
          setFailure(null);
          setReturned(true);
        }}
      />
    );
  }

  return (
    <Box component="form" noValidate onSubmit={(event) => void submit(event)}>
      <PageHeading level={2} focusOnMount={returned}>
        About the person
      </PageHeading>
      <Typography sx={{ maxWidth: '70ch' }}>
        Linkdesk checks whether they are already on record before adding them. Only the name and date of birth are needed
        now; add the rest when you know it.
      </Typography>
      {failure && (
        <Alert severity="error" role="alert" sx={{ mt: 2 }}>
          {failure}
        </Alert>
      )}
      <PersonDetailsFields control={form.control} />
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', gap: 2, mt: 3 }}>
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="contained" loading={form.formState.isSubmitting}>
          Continue to the referral
        </Button>
      </Box>
    </Box>
  );
}
