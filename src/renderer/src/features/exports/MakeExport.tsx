import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { addWeeks, format, startOfWeek } from 'date-fns';
import { useState, type ReactNode } from 'react';
import { formatNhsNumber } from '../../../../shared/domain/nhs-number';
import type { ExportDeclaration, ExportResult } from '../../../../shared/domain/exports';
import { api } from '../../api/client';
import { formatDate } from '../../format';
import type { SearchResult } from '../search/usePeopleSearch';
import { ChoosePersonDialog } from './ChoosePersonDialog';
import type { ExportChoice } from './export-choices';
import { runExportJob, type ExportJob } from './export-job';
import { ExportDialog } from './ExportDialog';

/** Mondays of last week, this week and next week, as yyyy-mm-dd. */
function weeks(now = new Date()): { value: string; label: string }[] {
  const monday = startOfWeek(now, { weekStartsOn: 1 });
  return [
    { value: format(monday, 'yyyy-MM-dd'), label: 'This week' },
    { value: format(addWeeks(monday, -1), 'yyyy-MM-dd'), label: 'Last week' },
    { value: format(addWeeks(monday, 1), 'yyyy-MM-dd'), label: 'Next week' },
  ].map((week) => ({ value: week.value, label: `${week.label}, from Monday ${formatDate(week.value)}` }));
}

function PersonIntro({ person }: { person: SearchResult }) {
  return (
    <Typography sx={{ mt: 2 }} data-testid="export-person">
      About <strong>{person.name}</strong>, born {formatDate(person.dateOfBirth)}
      {person.nhsNumber ? `, NHS number ${formatNhsNumber(person.nhsNumber)}` : ', NHS number not known'}.
    </Typography>
  );
}

/** One export from the export centre: what it needs first (a person, a week), then the declaration. */
export function MakeExport({ choice, onDone }: { choice: ExportChoice; onDone: () => void }) {
  const [person, setPerson] = useState<SearchResult | null>(null);
  const weekOptions = weeks();
  const [week, setWeek] = useState(weekOptions[0]!.value);

  if (choice.needs === 'person' && !person) return <ChoosePersonDialog title={`${choice.title}: choose the person`} onChoose={setPerson} onClose={onDone} />;

  let intro: ReactNode;
  let run: (declaration: ExportDeclaration, job: ExportJob) => Promise<ExportResult>;
  if (person && choice.kind === 'subject_access') {
    intro = <PersonIntro person={person} />;
    run = (declaration) => api.exports.subjectAccess({ personId: person.personId, declaration });
  } else if (person && choice.kind === 'transfer_bundle') {
    intro = <PersonIntro person={person} />;
    run = (declaration) => api.exports.transferBundle({ personId: person.personId, declaration });
  } else if (choice.kind === 'coding_sheet') {
    intro = (
      <TextField select label="Week" value={week} onChange={(event) => setWeek(event.target.value)} fullWidth margin="normal">
        {weekOptions.map((option) => (
          <MenuItem key={option.value} value={option.value}>
            {option.label}
          </MenuItem>
        ))}
      </TextField>
    );
    run = (declaration) => api.exports.codingSheet({ weekOf: week, declaration });
  } else {
    intro = <Typography sx={{ mt: 2 }}>Every referral, contact and measure you may see is read; at PCN scale this takes a while. You can cancel at any time: nothing is saved until it has finished.</Typography>;
    run = (declaration, job) => runExportJob(() => api.exports.pseudonymisedExtract({ declaration }), job);
  }
  return <ExportDialog kind={choice.kind} intro={intro} run={run} onClose={onDone} />;
}
