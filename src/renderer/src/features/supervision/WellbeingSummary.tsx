import Typography from '@mui/material/Typography';
import { WELLBEING_FEELINGS, WORKLOADS } from '../../../../shared/domain/supervision';
import type { Wellbeing } from '../../../../shared/ipc/supervision-schemas';
import { formatDateTime } from '../../format';
import { DetailList } from '../person/DetailList';

/** The check-in as both people in the session see it; nobody else ever does. */
export function WellbeingSummary({ wellbeing, you }: { wellbeing: Wellbeing | null; you: 'supervisor' | 'link_worker' }) {
  if (!wellbeing) {
    return (
      <Typography sx={{ color: 'text.secondary' }}>
        {you === 'link_worker' ? 'You have not checked in yet. Only you and your GP supervisor will see it.' : 'The link worker has not checked in yet.'}
      </Typography>
    );
  }
  return (
    <>
      <DetailList
        items={[
          ['How they are', `${WELLBEING_FEELINGS[wellbeing.feeling]}${wellbeing.feelingNote ? `. ${wellbeing.feelingNote}` : ''}`],
          ['Workload', WORKLOADS[wellbeing.workload]],
          ['Training needs', wellbeing.trainingNeeds || 'None said'],
          ['Support agreed', wellbeing.supportAgreed || 'None yet'],
        ]}
      />
      <Typography variant="body2" sx={{ color: 'text.secondary', mt: 1 }}>
        Private to the link worker and the GP supervisor. Last saved by {wellbeing.updatedBy} on {formatDateTime(wellbeing.updatedAt)}.
      </Typography>
    </>
  );
}
