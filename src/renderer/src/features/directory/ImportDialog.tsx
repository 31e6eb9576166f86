import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import { useId, useRef, useState } from 'react';
import { ORUK_IMPORT_MAX_BYTES, ORUK_IMPORT_MAX_FILES, describeSize } from '../../../../shared/domain/directory';
import type { ImportReport } from '../../../../shared/ipc/directory-contract';
import { api, errorMessage } from '../../api/client';
import { plural } from '../../format';
import { ImportProblemsTable } from './ImportProblemsTable';

type Format = 'json' | 'csv';
type State = { step: 'choose' } | { step: 'running' } | { step: 'done'; report: ImportReport };

function summary(report: ImportReport): string {
  const records = Object.values(report.recordsByTable).reduce((total, count) => total + count, 0);
  return (
    `Imported ${plural(records, 'record', 'records')} from ${plural(report.fileCount, 'file', 'files')}. ` +
    `Services: ${report.servicesCreated} added, ${report.servicesUpdated} updated, ${report.servicesUnchanged} unchanged. ` +
    `Organisations: ${report.organisationsCreated} added, ${report.organisationsUpdated} updated.`
  );
}

/**
 * Imports an Open Referral UK feed: a JSON file or the CSV package. The files are read here and
 * sent as text; main checks everything first and writes all of it or nothing.
 */
export function ImportDialog({ onClose }: { onClose: (importedSummary: string | null) => void }) {
  const titleId = useId();
  const inputId = useId();
  const hintId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [format, setFormat] = useState<Format>('csv');
  const [files, setFiles] = useState<File[]>([]);
  const [state, setState] = useState<State>({ step: 'choose' });
  const [failure, setFailure] = useState<string | null>(null);

  const running = state.step === 'running';
  const report = state.step === 'done' ? state.report : null;
  const imported = report?.outcome === 'imported';
  const close = () => {
    if (!running) onClose(imported && report ? summary(report) : null);
  };

  const chooseFormat = (next: Format) => {
    setFormat(next);
    setFiles([]);
    if (inputRef.current) inputRef.current.value = '';
  };

  const start = async () => {
    setFailure(null);
    if (files.length === 0) {
      setFailure(format === 'csv' ? 'Choose the CSV files to import.' : 'Choose the JSON file to import.');
      inputRef.current?.focus();
      return;
    }
    if (files.length > ORUK_IMPORT_MAX_FILES) {
      setFailure(`Choose at most ${ORUK_IMPORT_MAX_FILES} files at a time.`);
      return;
    }
    const bytes = files.reduce((total, file) => total + file.size, 0);
    if (bytes > ORUK_IMPORT_MAX_BYTES) {
      setFailure(`These files come to ${describeSize(bytes)}; Linkdesk imports at most ${describeSize(ORUK_IMPORT_MAX_BYTES)} at a time. Import the feed in parts, for example a page at a time.`);
      return;
    }
    setState({ step: 'running' });
    try {
      const contents = await Promise.all(files.map(async (file) => ({ name: file.name, content: await file.text() })));
      const result = await api.directory.importOruk({ format, files: contents });
      setState({ step: 'done', report: result });
    } catch (error) {
      setState({ step: 'choose' });
      setFailure(errorMessage(error));
    }
  };

  const again = () => {
    setState({ step: 'choose' });
    setFiles([]);
  };

  return (
    <Dialog open onClose={close} aria-labelledby={titleId} fullWidth maxWidth="lg">
      <DialogTitle id={titleId}>Import Open Referral UK data</DialogTitle>
      <DialogContent dividers>
        {state.step !== 'done' && (
          <>
            <Typography sx={{ maxWidth: '75ch' }}>
              Everything is checked before anything is saved. If anything is wrong, nothing is imported and every problem is listed. Entries
              already imported from the same feed are updated, not added twice.
            </Typography>
            <FormControl component="fieldset" disabled={running} sx={{ display: 'flex', mt: 2 }}>
              <FormLabel component="legend" sx={{ fontWeight: 600, color: 'text.primary', '&.Mui-focused': { color: 'text.primary' } }}>
                What are you importing?
              </FormLabel>
              <RadioGroup value={format} onChange={(_event, value) => chooseFormat(value as Format)}>
                <FormControlLabel value="csv" control={<Radio />} label="The CSV package: several .csv files, one for each table" />
                <FormControlLabel value="json" control={<Radio />} label="A JSON file" />
              </RadioGroup>
            </FormControl>
            <Box sx={{ mt: 2 }}>
              <Typography component="label" htmlFor={inputId} sx={{ display: 'block', fontWeight: 600 }}>
                {format === 'csv' ? 'CSV files' : 'JSON file'}
              </Typography>
              <Typography id={hintId} variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
                At most {describeSize(ORUK_IMPORT_MAX_BYTES)} and {ORUK_IMPORT_MAX_FILES} files at a time.
                {format === 'csv' && ' Choose all the files together, for example organizations.csv, services.csv and locations.csv.'}
              </Typography>
              <input
                ref={inputRef}
                id={inputId}
                type="file"
                key={format}
                accept={format === 'csv' ? '.csv,text/csv' : '.json,application/json'}
                multiple={format === 'csv'}
                disabled={running}
                aria-describedby={hintId}
                onChange={(event) => setFiles(Array.from(event.target.files ?? []))}
              />
              {files.length > 0 && (
                <Typography variant="body2" sx={{ mt: 1 }}>
                  {plural(files.length, 'file', 'files')} chosen, {describeSize(files.reduce((total, file) => total + file.size, 0))}.
                </Typography>
              )}
            </Box>
            {failure && (
              <Alert severity="error" role="alert" sx={{ mt: 2 }}>
                {failure}
              </Alert>
            )}
            {running && (
              <Box role="status" sx={{ mt: 3 }}>
                <Typography sx={{ mb: 1 }}>Checking and importing the files. A large feed can take a few seconds.</Typography>
                <LinearProgress aria-label="Importing" />
              </Box>
            )}
          </>
        )}
        {report && imported && (
          <>
            <Alert severity="success" role="status">
              {summary(report)}
            </Alert>
            {report.warningCount > 0 && (
              <Box sx={{ mt: 2 }}>
                <Typography>
                  {plural(report.warningCount, 'note', 'notes')} about the feed: these did not stop the import
                  {report.warningCount > report.warnings.length && `; the first ${report.warnings.length.toLocaleString('en-GB')} are listed`}.
                </Typography>
                <ImportProblemsTable caption="Notes about the feed" rows={report.warnings} />
              </Box>
            )}
          </>
        )}
        {report && !imported && (
          <>
            <Alert severity="error" role="alert">
              Nothing was imported. The files have {plural(report.problemCount, 'problem', 'problems')}
              {report.problemCount > report.problems.length && ` (the first ${report.problems.length.toLocaleString('en-GB')} are listed)`}. Correct
              them and import the files again.
            </Alert>
            <ImportProblemsTable caption="Problems found" rows={report.problems} />
          </>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2 }}>
        {state.step === 'done' ? (
          <>
            {!imported && <Button onClick={again}>Choose other files</Button>}
            <Button variant="contained" onClick={close}>
              Close
            </Button>
          </>
        ) : (
          <>
            <Button onClick={close} disabled={running}>
              Cancel
            </Button>
            <Button variant="contained" onClick={() => void start()} loading={running}>
              Import
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
