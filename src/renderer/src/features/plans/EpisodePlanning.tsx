import AddTaskOutlined from '@mui/icons-material/AddTaskOutlined';
import EditNoteOutlined from '@mui/icons-material/EditNoteOutlined';
import FactCheckOutlined from '@mui/icons-material/FactCheckOutlined';
import HandshakeOutlined from '@mui/icons-material/HandshakeOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useCallback, useId, useState } from 'react';
import type { PlanVersion } from '../../../../shared/ipc/plans-schemas';
import { api, errorMessage } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { EpisodeConnections } from '../connections/EpisodeConnections';
import { AgreePlanDialog } from './AgreePlanDialog';
import { EarlierVersions } from './EarlierVersions';
import { EditPlanDialog } from './EditPlanDialog';
import { PersonCopyPanel } from './PersonCopyPanel';
import { PlanVersionView } from './PlanVersionView';
import { RecordWhatMattersDialog } from './RecordWhatMattersDialog';
import { ReviewPlanDialog } from './ReviewPlanDialog';
import { WhatMattersSection } from './WhatMattersSection';

type Dialog = 'whatMatters' | 'edit' | 'agree' | 'review' | null;

interface Props {
  episodeId: string;
  /** A link worker on an open referral; GP supervisors and closed referrals read only. */
  canWrite: boolean;
}

/** "What matters to me" and the personalised care and support plan of one referral. */
export function EpisodePlanning({ episodeId, canWrite }: Props) {
  const planHeadingId = useId();
  const [reloadKey, setReloadKey] = useState(0);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [revising, setRevising] = useState(false);
  const loadConversations = useCallback(() => api.conversations.list({ episodeId }), [episodeId]);
  const loadPlan = useCallback(() => api.plans.get({ episodeId }), [episodeId]);
  const conversations = useLoad(loadConversations, reloadKey);
  const plan = useLoad(loadPlan, reloadKey);
  const current = plan.data?.current ?? null;

  const finish = (message: string) => {
    setDialog(null);
    setFailure(null);
    setDone(message);
    setReloadKey((key) => key + 1);
  };

  const startNewVersion = async (version: PlanVersion) => {
    setRevising(true);
    setDone(null);
    setFailure(null);
    try {
      const draft = await api.plans.reviseAgreed({ planVersionId: version.id });
      finish(`Version ${draft.version} started as a draft. Version ${version.version} stays as it was agreed.`);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setRevising(false);
    }
  };

  const open = (next: Dialog) => {
    setDone(null);
    setDialog(next);
  };

  return (
    <>
      {conversations.error && (
        <Alert severity="error" sx={{ mt: 3 }}>
          {conversations.error}
        </Alert>
      )}
      <WhatMattersSection conversations={conversations.data} onRecord={canWrite ? () => open('whatMatters') : undefined} />

      <Box component="section" aria-labelledby={planHeadingId} sx={{ mt: 3 }}>
        <Typography id={planHeadingId} variant="h3" component="h4" gutterBottom>
          Personalised care and support plan
        </Typography>
        {plan.error && <Alert severity="error">{plan.error}</Alert>}
        {plan.data && !current && <Typography sx={{ color: 'text.secondary' }}>No plan yet.</Typography>}
        {current && <PlanVersionView version={current} headingLevel="h5" />}
        {canWrite && plan.data && (
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, mt: 2 }}>
            {!current && (
              <Button variant="outlined" startIcon={<EditNoteOutlined />} onClick={() => open('edit')}>
                Start the plan
              </Button>
            )}
            {current?.status === 'draft' && (
              <>
                <Button variant="outlined" startIcon={<EditNoteOutlined />} onClick={() => open('edit')}>
                  Edit draft
                </Button>
                <Button variant="outlined" startIcon={<HandshakeOutlined />} onClick={() => open('agree')} disabled={current.goals.length === 0}>
                  Record agreement
                </Button>
              </>
            )}
            {current?.status === 'agreed' && (
              <>
                <Button variant="outlined" startIcon={<FactCheckOutlined />} onClick={() => open('review')}>
                  Record review
                </Button>
                <Button variant="outlined" startIcon={<AddTaskOutlined />} loading={revising} onClick={() => void startNewVersion(current)}>
                  Start a new version
                </Button>
              </>
            )}
          </Box>
        )}
        {canWrite && current?.status === 'draft' && current.goals.length === 0 && (
          <Typography variant="body2" sx={{ mt: 1 }}>
            Add at least one goal before recording agreement.
          </Typography>
        )}
        {done && (
          <Alert severity="success" role="status" sx={{ mt: 2 }} onClose={() => setDone(null)}>
            {done}
          </Alert>
        )}
        {failure && (
          <Alert severity="error" role="alert" sx={{ mt: 2 }}>
            {failure}
          </Alert>
        )}
        {canWrite && current && <PersonCopyPanel key={current.id} version={current} />}
        {current && plan.data && <EarlierVersions versions={plan.data.versions} currentId={current.id} />}
      </Box>

      <EpisodeConnections episodeId={episodeId} goals={current?.goals ?? []} canWrite={canWrite} />

      {dialog === 'whatMatters' && (
        <RecordWhatMattersDialog episodeId={episodeId} onClose={() => setDialog(null)} onRecorded={() => finish('What matters to them is recorded.')} />
      )}
      {dialog === 'edit' && (
        <EditPlanDialog
          episodeId={episodeId}
          draft={current?.status === 'draft' ? current : null}
          onClose={() => setDialog(null)}
          onSaved={(version) => finish(`Draft plan saved (version ${version.version}).`)}
        />
      )}
      {dialog === 'agree' && current && (
        <AgreePlanDialog draft={current} onClose={() => setDialog(null)} onAgreed={(version) => finish(`Agreement recorded. Version ${version.version} is agreed.`)} />
      )}
      {dialog === 'review' && current && <ReviewPlanDialog version={current} onClose={() => setDialog(null)} onReviewed={() => finish('Review recorded.')} />}
    </>
  );
}
