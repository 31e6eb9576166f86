import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useCallback, useId, useState } from 'react';
import type { Instrument, Timepoint } from '../../../../shared/domain/outcomes/instruments';
import type { SessionUser } from '../../../../shared/ipc/contract';
import type { EpisodeOutcomes } from '../../../../shared/ipc/outcomes-schemas';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { canReadRecords, canWriteCasework } from '../../session/permissions';
import { EpisodeOutcomesBlock, type OutcomeAction } from './EpisodeOutcomesBlock';
import { FollowUpDialog } from './FollowUpDialog';
import { GpLetterExport } from './GpLetterExport';
import { MeasureDialog } from './MeasureDialog';
import { SystemUseDialog } from './SystemUseDialog';

interface Props {
  personId: string;
  /** The record's reload count: when the record is read again (after a closing, say), so are the outcomes. */
  recordVersion: number;
  user: SessionUser;
}

type Open = { episode: EpisodeOutcomes; action: OutcomeAction } | null;

function takenTimepoints(episode: EpisodeOutcomes, instrument: Instrument): Timepoint[] {
  return episode.measures.filter((measure) => measure.instrument === instrument).map((measure) => measure.timepoint);
}

/** Wellbeing and outcomes on the person's record: every referral's measures over time, and how it ended. */
export function OutcomesSection({ personId, recordVersion, user }: Props) {
  const headingId = useId();
  const [reloadKey, setReloadKey] = useState(0);
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState<string | null>(null);
  const load = useCallback(() => api.outcomes.forPerson({ personId }), [personId]);
  // Both counts only grow, so their sum changes whenever either does.
  const outcomes = useLoad(load, reloadKey + recordVersion);
  const canWrite = canWriteCasework(user.role);

  const finish = (message: string) => {
    setOpen(null);
    setDone(message);
    setReloadKey((key) => key + 1);
  };
  const shown = outcomes.data?.episodes.filter((episode) => episode.status !== 'declined' || episode.measures.length > 0) ?? [];

  return (
    <Box component="section" aria-labelledby={headingId}>
      <Typography id={headingId} variant="h2" component="h2" gutterBottom>
        Wellbeing and outcomes
      </Typography>
      {outcomes.error && <Alert severity="error">{outcomes.error}</Alert>}
      {done && (
        <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setDone(null)}>
          {done}
        </Alert>
      )}
      {outcomes.data && shown.length === 0 && <Typography sx={{ color: 'text.secondary' }}>No referrals to measure yet.</Typography>}
      <Box sx={{ display: 'grid', gap: 2 }}>
        {shown.map((episode) => (
          <EpisodeOutcomesBlock
            key={episode.episodeId}
            outcomes={episode}
            canWrite={canWrite}
            canEnterSystemUse={canReadRecords(user.role)}
            onAction={(action) => {
              setDone(null);
              setOpen({ episode, action });
            }}
          />
        ))}
      </Box>
      {open?.action.kind === 'measure' && (
        <MeasureDialog
          episodeId={open.episode.episodeId}
          instrument={open.action.instrument}
          taken={takenTimepoints(open.episode, open.action.instrument)}
          onClose={() => setOpen(null)}
          onRecorded={(measure) => finish(measure.declined ? 'Recorded that they declined to answer.' : 'Measure recorded.')}
        />
      )}
      {open?.action.kind === 'followUp' && (
        <FollowUpDialog
          episodeId={open.episode.episodeId}
          dueOn={open.episode.followUpDueOn}
          onClose={() => setOpen(null)}
          onSaved={(dueOn) => finish(dueOn ? 'Follow-up date saved.' : 'No follow-up is scheduled now.')}
        />
      )}
      {open?.action.kind === 'systemUse' && (
        <SystemUseDialog
          episodeId={open.episode.episodeId}
          period={open.action.period}
          window={open.action.period === 'before' ? open.episode.systemUse.before : open.episode.systemUse.after!}
          onClose={() => setOpen(null)}
          onSaved={() => finish('GP and A&E use saved.')}
        />
      )}
      {open?.action.kind === 'letter' && <GpLetterExport episodeId={open.episode.episodeId} onClose={() => setOpen(null)} />}
    </Box>
  );
}
