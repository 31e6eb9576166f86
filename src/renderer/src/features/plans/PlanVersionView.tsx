import LockOutlined from '@mui/icons-material/LockOutlined';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { AGREEMENT_METHODS, GOAL_PROGRESS, PLAN_STATUSES, STEP_OWNERS } from '../../../../shared/domain/plans';
import type { PlanVersion } from '../../../../shared/ipc/plans-schemas';
import { ToneChip } from '../../components/ToneChip';
import { formatDate } from '../../format';
import { DetailList } from '../person/DetailList';
import { verbatimSx } from './plan-fields';

interface Props {
  version: PlanVersion;
  /** The level of the version's sub-headings ("Goals", "Reviews"…). */
  headingLevel: 'h3' | 'h4' | 'h5';
}

function owner(step: PlanVersion['steps'][number]): string {
  return step.ownerName ? `${STEP_OWNERS[step.owner]} (${step.ownerName})` : STEP_OWNERS[step.owner];
}

/** One version of the plan as staff read it, staff-only notes marked as such. */
export function PlanVersionView({ version, headingLevel }: Props) {
  const latestReview = version.reviews.at(-1);
  const subheading = (text: string) => (
    <Typography variant="h6" component={headingLevel} sx={{ fontSize: '1.05rem', mt: 2.5, mb: 1 }}>
      {text}
    </Typography>
  );
  return (
    <Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1.5 }}>
        <Typography sx={{ fontWeight: 600 }}>Version {version.version}</Typography>
        <ToneChip tone={version.status === 'agreed' ? 'success' : 'warning'} label={PLAN_STATUSES[version.status]} />
      </Box>

      {subheading('Goals, in their words')}
      {version.goals.length === 0 ? (
        <Typography sx={{ color: 'text.secondary' }}>No goals yet.</Typography>
      ) : (
        <Box component="ol" sx={{ m: 0, pl: 3, display: 'grid', gap: 1 }}>
          {version.goals.map((goal) => {
            const progress = latestReview?.goals.find((entry) => entry.goalId === goal.id);
            return (
              <li key={goal.id}>
                <Box component="q" sx={verbatimSx}>
                  {goal.text}
                </Box>
                {progress && (
                  <Typography variant="body2" sx={{ color: 'text.secondary', ...verbatimSx }}>
                    Progress at the last review: {GOAL_PROGRESS[progress.progress]}
                    {progress.note && ` — ${progress.note}`}
                  </Typography>
                )}
              </li>
            );
          })}
        </Box>
      )}

      {subheading('Who will do what, and by when')}
      {version.steps.length === 0 ? (
        <Typography sx={{ color: 'text.secondary' }}>No steps yet.</Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 3, display: 'grid', gap: 1 }}>
          {version.steps.map((step) => (
            <li key={step.id}>
              <Typography component="span" sx={{ fontWeight: 600 }}>
                {owner(step)}
              </Typography>
              : <Box component="span" sx={verbatimSx}>{step.action}</Box> — by {formatDate(step.dueOn)}
              {step.done ? ' (done)' : ' (not done yet)'}
            </li>
          ))}
        </Box>
      )}

      {subheading('Support and co-production')}
      <DetailList
        labelWidth="12rem"
        items={[
          ['Support offered', <Box component="span" sx={verbatimSx}>{version.supportOffered || 'Not recorded'}</Box>],
          ['Review date', version.reviewOn ? formatDate(version.reviewOn) : 'Not set'],
          ['Who was present', version.present.length > 0 ? version.present.join(', ') : 'Not recorded'],
          [
            'Agreement',
            version.agreement
              ? `Agreed ${AGREEMENT_METHODS[version.agreement.method]} on ${formatDate(version.agreement.agreedOn)}${version.agreement.recordedBy ? `, recorded by ${version.agreement.recordedBy}` : ''}`
              : 'Not agreed yet (draft)',
          ],
        ]}
      />

      <Box sx={{ mt: 2, p: 2, border: 2, borderStyle: 'dashed', borderColor: '#4C6272', borderRadius: 1 }}>
        <Typography sx={{ fontWeight: 600, display: 'flex', alignItems: 'center', gap: 1 }}>
          <LockOutlined fontSize="small" aria-hidden />
          Staff only — never on the person’s copy
        </Typography>
        <Typography sx={{ mt: 0.5, ...verbatimSx }}>{version.staffNotes || 'No staff notes.'}</Typography>
      </Box>

      {version.reviews.length > 0 && (
        <>
          {subheading('Reviews')}
          <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1.5 }}>
            {[...version.reviews].reverse().map((review) => (
              <Box component="li" key={review.id} sx={{ borderLeft: 4, borderColor: 'divider', pl: 2 }}>
                <Typography sx={{ fontWeight: 600 }}>
                  Review on {formatDate(review.reviewedOn)}
                  {review.recordedBy && ` by ${review.recordedBy}`}
                </Typography>
                <Box component="ul" sx={{ m: 0, pl: 3 }}>
                  {review.goals.map((entry) => {
                    const number = version.goals.findIndex((goal) => goal.id === entry.goalId) + 1;
                    return (
                      <Box component="li" key={entry.goalId} sx={verbatimSx}>
                        Goal {number}: {GOAL_PROGRESS[entry.progress]}
                        {entry.note && ` — ${entry.note}`}
                      </Box>
                    );
                  })}
                </Box>
              </Box>
            ))}
          </Box>
        </>
      )}
    </Box>
  );
}
