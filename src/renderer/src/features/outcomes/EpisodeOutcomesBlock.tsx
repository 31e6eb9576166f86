import AddchartOutlined from '@mui/icons-material/AddchartOutlined';
import EventRepeatOutlined from '@mui/icons-material/EventRepeatOutlined';
import ForwardToInboxOutlined from '@mui/icons-material/ForwardToInboxOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { INSTRUMENT_CODES, INSTRUMENTS, TIMEPOINTS, type Instrument } from '../../../../shared/domain/outcomes/instruments';
import { SWEMWBS_ATTRIBUTION } from '../../../../shared/domain/outcomes/swemwbs';
import type { SystemUsePeriod } from '../../../../shared/domain/outcomes/system-use';
import type { EpisodeOutcomes } from '../../../../shared/ipc/outcomes-schemas';
import { ToneChip } from '../../components/ToneChip';
import { formatDate } from '../../format';
import { DetailList } from '../person/DetailList';
import { MeasureChart } from './MeasureChart';
import { MeasuresTable } from './MeasuresTable';
import { SystemUseSummary } from './SystemUseSummary';

export type OutcomeAction =
  | { kind: 'measure'; instrument: Instrument }
  | { kind: 'followUp' }
  | { kind: 'systemUse'; period: SystemUsePeriod }
  | { kind: 'letter' };

interface Props {
  outcomes: EpisodeOutcomes;
  /** A link worker: records measures and makes the message back. */
  canWrite: boolean;
  /** Link workers and GP supervisors, who see the practice record, enter GP and A&E use. */
  canEnterSystemUse: boolean;
  onAction: (action: OutcomeAction) => void;
}

/** One referral's outcomes: follow-up, change from baseline, charts, every measure, system use and the ending. */
export function EpisodeOutcomesBlock({ outcomes, canWrite, canEnterSystemUse, onAction }: Props) {
  const headingId = useId();
  const open = outcomes.status !== 'closed';
  const measurable = open && outcomes.status !== 'declined';
  const used = INSTRUMENT_CODES.filter((instrument) => outcomes.measures.some((measure) => measure.instrument === instrument));
  return (
    <Paper component="section" variant="outlined" aria-labelledby={headingId} sx={{ p: 3 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1.5, mb: 1 }}>
        <Typography id={headingId} variant="h3" component="h3">
          Outcomes of the referral of {formatDate(outcomes.receivedOn)}
        </Typography>
        {outcomes.followUpDue && <ToneChip tone="info" label="Outcome follow-up due" />}
        {!open && <ToneChip tone="neutral" label={`Closed ${formatDate(outcomes.closedOn)}`} />}
      </Box>
      {measurable && (
        <Typography>
          {outcomes.followUpDueOn ? `Next wellbeing follow-up due ${formatDate(outcomes.followUpDueOn)}.` : 'No wellbeing follow-up is scheduled.'}
        </Typography>
      )}
      {canWrite && measurable && (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, mt: 2 }}>
          {INSTRUMENT_CODES.map((instrument) => (
            <Button key={instrument} variant="outlined" startIcon={<AddchartOutlined />} onClick={() => onAction({ kind: 'measure', instrument })}>
              Record {INSTRUMENTS[instrument].shortLabel}
            </Button>
          ))}
          <Button variant="text" startIcon={<EventRepeatOutlined />} onClick={() => onAction({ kind: 'followUp' })}>
            Change follow-up
          </Button>
        </Box>
      )}

      {outcomes.changes.length > 0 && (
        <Box sx={{ mt: 2 }}>
          <Typography variant="h4" component="h4" sx={{ fontSize: '1.05rem', fontWeight: 600 }} gutterBottom>
            Change from the baseline
          </Typography>
          {outcomes.changes.map((change) => (
            <Box key={change.instrument} sx={{ mb: 1 }}>
              <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                {INSTRUMENTS[change.instrument].shortLabel}: {formatDate(change.fromOn)} to {formatDate(change.toOn)} ({TIMEPOINTS[change.toTimepoint].toLowerCase()})
              </Typography>
              <Box component="ul" sx={{ m: 0, pl: 3 }}>
                {change.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </Box>
            </Box>
          ))}
        </Box>
      )}

      {used.map((instrument) => (
        <MeasureChart key={instrument} instrument={instrument} measures={outcomes.measures} />
      ))}
      {outcomes.measures.length > 0 ? (
        <MeasuresTable measures={outcomes.measures} caption="Every measure, oldest first" />
      ) : (
        <Typography sx={{ mt: 2, color: 'text.secondary' }}>No measures recorded yet.</Typography>
      )}
      {used.includes('swemwbs') && (
        <Typography variant="body2" sx={{ mt: 1, color: 'text.secondary' }}>
          {SWEMWBS_ATTRIBUTION}
        </Typography>
      )}

      <SystemUseSummary systemUse={outcomes.systemUse} onEnter={canEnterSystemUse ? (period) => onAction({ kind: 'systemUse', period }) : undefined} />

      {outcomes.closure && (
        <Box sx={{ mt: 2 }}>
          <Typography variant="h4" component="h4" sx={{ fontSize: '1.05rem', fontWeight: 600 }} gutterBottom>
            How it ended
          </Typography>
          <DetailList
            labelWidth="14rem"
            items={[
              ['What mattered to them', outcomes.closure.whatMattered || 'Not recorded'],
              ['What they were offered', outcomes.closure.whatWasOffered || 'Not recorded'],
              ['What the result was', outcomes.closure.whatHappened || 'Not recorded'],
            ]}
          />
        </Box>
      )}
      {canWrite && !open && (
        <Button variant="outlined" startIcon={<ForwardToInboxOutlined />} onClick={() => onAction({ kind: 'letter' })} sx={{ mt: 2 }}>
          Message back to the GP and referrer
        </Button>
      )}
    </Paper>
  );
}
