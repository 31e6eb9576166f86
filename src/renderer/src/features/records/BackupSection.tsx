import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useCallback, useState } from 'react';
import { describeSchedule } from '../../../../shared/domain/records';
import type { OutputOf } from '../../../../shared/ipc/contract';
import type { BackupInfo, BackupSettings } from '../../../../shared/ipc/records-schemas';
import { api, errorMessage } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { plural } from '../../format';
import { BackupList } from './BackupList';
import { BackupSettingsForm } from './BackupSettingsForm';
import { RestoreDialog } from './RestoreDialog';
import { formatBytes, whenOrNever } from './records-format';

type RunResult = OutputOf<'backup', 'run'>;

function BackupStatus({ settings }: { settings: BackupSettings }) {
  return (
    <Box sx={{ mb: 2 }}>
      {settings.lastFailure && (
        <Alert severity="error" sx={{ mb: 1 }}>
          The last backup failed ({whenOrNever(settings.lastFailure.at, '')}): {settings.lastFailure.message}
        </Alert>
      )}
      <Typography>Last backup: {whenOrNever(settings.lastSuccessAt, 'none yet')}.</Typography>
      <Typography>
        Backups run {describeSchedule(settings.schedule)}
        {settings.nextDueAt ? `; the next is due ${whenOrNever(settings.nextDueAt, '')}` : ''}.
      </Typography>
    </Box>
  );
}

/** Backup now (with progress), the settings, the list of backups and restoring one. */
export function BackupSection() {
  const [reloadKey, setReloadKey] = useState(0);
  const reload = useCallback(() => setReloadKey((key) => key + 1), []);
  const settings = useLoad(api.backup.settings, reloadKey);
  const list = useLoad(api.backup.list, reloadKey);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: true; made: RunResult } | { ok: false; message: string } | null>(null);
  const [restoring, setRestoring] = useState<{ backup: BackupInfo; mode: 'verify' | 'restore' } | null>(null);

  const backUpNow = async () => {
    setRunning(true);
    setOutcome(null);
    try {
      setOutcome({ ok: true, made: await api.backup.run() });
    } catch (error) {
      setOutcome({ ok: false, message: errorMessage(error) });
    } finally {
      setRunning(false);
      reload();
    }
  };

  return (
    <Box component="section" aria-labelledby="backups-heading">
      <Typography id="backups-heading" variant="h2" component="h2" gutterBottom>
        Backups
      </Typography>
      <Typography sx={{ mb: 2, maxWidth: 720 }}>
        A backup is an encrypted copy of the whole workspace with its keyring. It opens with the passwords and recovery key that were valid when it
        was made, so keep it as safe as this PC.
      </Typography>
      {settings.error && <Alert severity="error">{settings.error}</Alert>}
      {settings.data ? (
        <>
          <BackupStatus settings={settings.data} />
          <Button variant="contained" onClick={() => void backUpNow()} disabled={running || !settings.data.folder}>
            Back up now
          </Button>
          {!settings.data.folder && <Typography sx={{ mt: 1 }}>Choose a backup folder below first.</Typography>}
          {running && (
            <Box role="status" sx={{ mt: 2, maxWidth: 480 }}>
              <Typography>Backing up: copying the encrypted database, then checking the copy…</Typography>
              <LinearProgress aria-label="Backing up" sx={{ mt: 1 }} />
            </Box>
          )}
          {outcome?.ok === true && (
            <Alert severity="success" role="status" sx={{ mt: 2 }}>
              Backup made: {outcome.made.name} ({formatBytes(outcome.made.bytes)}, {(outcome.made.milliseconds / 1000).toLocaleString('en-GB', { maximumFractionDigits: 1 })} s)
              {outcome.made.removed > 0 ? `. ${plural(outcome.made.removed, 'older backup', 'older backups')} removed to keep the newest ${settings.data.keep}.` : '.'}
            </Alert>
          )}
          {outcome?.ok === false && (
            <Alert severity="error" role="alert" sx={{ mt: 2 }}>
              {outcome.message}
            </Alert>
          )}
          <Typography variant="h3" component="h3" sx={{ mt: 4, mb: 1, fontSize: '1.25rem' }}>
            Backup settings
          </Typography>
          <Box sx={{ maxWidth: 640 }}>
            <BackupSettingsForm settings={settings.data} onSaved={reload} />
          </Box>
        </>
      ) : (
        !settings.error && <CircularProgress aria-label="Loading the backup settings" />
      )}
      <Typography id="backup-list-heading" variant="h3" component="h3" sx={{ mt: 4, mb: 1, fontSize: '1.25rem' }}>
        Backups in the folder
      </Typography>
      {list.error && <Alert severity="error">{list.error}</Alert>}
      {list.data && (
        <BackupList
          backups={list.data.backups}
          labelledBy="backup-list-heading"
          onVerify={(backup) => setRestoring({ backup, mode: 'verify' })}
          onRestore={(backup) => setRestoring({ backup, mode: 'restore' })}
        />
      )}
      {restoring && <RestoreDialog backup={restoring.backup} mode={restoring.mode} onClose={() => setRestoring(null)} />}
    </Box>
  );
}
