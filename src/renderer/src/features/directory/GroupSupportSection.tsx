import VolunteerActivismOutlined from '@mui/icons-material/VolunteerActivismOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useCallback, useId, useState } from 'react';
import { GROUP_SUPPORT_TYPES } from '../../../../shared/domain/connections';
import type { GroupSupport } from '../../../../shared/ipc/connections-schemas';
import type { DirectoryEntry } from '../../../../shared/ipc/directory-contract';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { formatDate, plural } from '../../format';
import { verbatimSx } from '../plans/plan-fields';
import { RecordSupportDialog } from './RecordSupportDialog';

/** "1 hour 30 minutes", "45 minutes". */
export function describeMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return [hours > 0 ? plural(hours, 'hour', 'hours') : '', rest > 0 || hours === 0 ? plural(rest, 'minute', 'minutes') : ''].filter(Boolean).join(' ');
}

function forWhom(support: GroupSupport, entry: DirectoryEntry): string {
  if (support.serviceId === entry.id) return 'this group or service';
  if (support.serviceName) return support.serviceName;
  return 'the organisation as a whole';
}

interface Props {
  entry: DirectoryEntry;
  /** Link workers and admins record support; everyone signed in reads it. */
  canRecord: boolean;
}

/** The support given to this entry's organisation and its groups, newest first, with a way to record more. */
export function GroupSupportSection({ entry, canRecord }: Props) {
  const headingId = useId();
  const [reloadKey, setReloadKey] = useState(0);
  const [recording, setRecording] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const load = useCallback(() => api.groupSupport.list({ organisationId: entry.organisation.id }), [entry.organisation.id]);
  const log = useLoad(load, reloadKey);
  const total = log.data?.reduce((sum, support) => sum + support.minutes, 0) ?? 0;

  return (
    <Paper component="section" variant="outlined" aria-labelledby={headingId} sx={{ p: 3, minWidth: 0 }}>
      <Typography id={headingId} variant="h2" component="h2" sx={{ fontSize: '1.35rem', mb: 1 }}>
        Group support
      </Typography>
      <Typography sx={{ mb: 2, maxWidth: '75ch' }}>
        Support given to {entry.organisation.name} and its groups: capacity building, funding advice, volunteers, training and promotion.
      </Typography>
      {log.error && <Alert severity="error">{log.error}</Alert>}
      {log.data?.length === 0 && <Typography sx={{ color: 'text.secondary' }}>No support recorded yet.</Typography>}
      {log.data && log.data.length > 0 && (
        <>
          <Typography sx={{ fontWeight: 600, mb: 1 }}>
            Given {plural(log.data.length, 'time', 'times')}, {describeMinutes(total)} in all
          </Typography>
          <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1.5 }}>
            {log.data.map((support) => (
              <Box component="li" key={support.id} sx={{ borderLeft: 4, borderColor: 'divider', pl: 2 }}>
                <Typography sx={{ fontWeight: 600 }}>
                  {GROUP_SUPPORT_TYPES[support.type]} on {formatDate(support.givenOn)}, {describeMinutes(support.minutes)}
                </Typography>
                <Typography variant="body2">
                  For {forWhom(support, entry)}
                  {support.givenBy && ` · given by ${support.givenBy}`}
                </Typography>
                {support.note && <Typography sx={{ mt: 0.5, ...verbatimSx }}>{support.note}</Typography>}
              </Box>
            ))}
          </Box>
        </>
      )}
      {canRecord && (
        <Button
          variant="outlined"
          startIcon={<VolunteerActivismOutlined />}
          sx={{ mt: 2 }}
          onClick={() => {
            setDone(null);
            setRecording(true);
          }}
        >
          Record support
        </Button>
      )}
      {done && (
        <Alert severity="success" role="status" sx={{ mt: 2 }} onClose={() => setDone(null)}>
          {done}
        </Alert>
      )}
      {recording && (
        <RecordSupportDialog
          entry={entry}
          onClose={() => setRecording(false)}
          onRecorded={(support) => {
            setRecording(false);
            setDone(`${GROUP_SUPPORT_TYPES[support.type]} on ${formatDate(support.givenOn)} recorded.`);
            setReloadKey((key) => key + 1);
          }}
        />
      )}
    </Paper>
  );
}
