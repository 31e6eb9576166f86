import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { useCallback, useId, useState } from 'react';
import type { CodingItem } from '../../../../shared/ipc/casework-schemas';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { useFocusWhenSettled } from '../../components/useFocusWhenSettled';
import { formatDate } from '../../format';
import { useAppNavigation } from '../shell/app-navigation';
import { CodingTable } from './CodingTable';
import { MarkRecordedDialog } from './MarkRecordedDialog';

interface Props {
  /** 2 when the queue sits under another page's heading (the admin's caseload page). */
  headingLevel?: 1 | 2;
  canOpenRecords: boolean;
}

/** The SNOMED codes waiting to reach the GP record, overdue first. */
export function CodingQueue({ headingLevel, canOpenRecords }: Props) {
  const { openPerson } = useAppNavigation();
  const tableLabelId = useId();
  const [includeRecorded, setIncludeRecorded] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const [marking, setMarking] = useState<CodingItem | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(() => api.coding.queue({ includeRecorded }), [includeRecorded]);
  const queue = useLoad(load, reloadKey);
  const [doneRef, focusDoneWhenSettled] = useFocusWhenSettled<HTMLDivElement>(queue.loading);
  // Main returns them in working order: overdue first, then by due date, recorded last.
  const items = queue.data ?? [];

  const recorded = (item: CodingItem) => {
    setMarking(null);
    setDone(`Marked as recorded on ${formatDate(item.recordedOn)}: ${item.code} ${item.term} for ${item.personName}.`);
    setReloadKey((key) => key + 1);
    // The button that opened the dialog leaves with its row, so focus goes to the confirmation.
    focusDoneWhenSettled();
  };

  return (
    <Box component="section" aria-labelledby={headingLevel === 2 ? tableLabelId : undefined}>
      {headingLevel === 2 && (
        <Typography id={tableLabelId} variant="h2" component="h2" gutterBottom>
          GP coding queue
        </Typography>
      )}
      <Typography sx={{ mb: 2, maxWidth: '70ch' }}>
        These codes must reach the GP record within a week of the contact. Once a code is in the GP system, mark it as
        recorded here.
      </Typography>
      <FormControlLabel
        label="Show recorded"
        control={<Switch checked={includeRecorded} onChange={(_event, checked) => setIncludeRecorded(checked)} />}
        sx={{ mb: 2 }}
      />
      {done && (
        <Alert ref={doneRef} tabIndex={-1} severity="success" role="status" sx={{ mb: 2 }} onClose={() => setDone(null)}>
          {done}
        </Alert>
      )}
      {queue.error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {queue.error}
        </Alert>
      )}
      {headingLevel !== 2 && <span id={tableLabelId} hidden>GP coding queue</span>}
      {!queue.data && !queue.error && <CircularProgress aria-label="Loading the GP coding queue" />}
      {queue.data && items.length === 0 && (
        <Typography sx={{ fontWeight: 600 }}>
          {includeRecorded ? 'No codes yet.' : 'Nothing is waiting: every code has reached the GP record.'}
        </Typography>
      )}
      {items.length > 0 && (
        <CodingTable
          items={items}
          labelledBy={tableLabelId}
          onOpenPerson={canOpenRecords ? (personId) => openPerson(personId, 'coding') : undefined}
          onMarkRecorded={setMarking}
        />
      )}
      {marking && <MarkRecordedDialog item={marking} onClose={() => setMarking(null)} onRecorded={recorded} />}
    </Box>
  );
}
