import ArrowBack from '@mui/icons-material/ArrowBack';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useId, type ReactNode } from 'react';
import { REFERRAL_REASONS } from '../../../../shared/domain/referral';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { PageHeading } from '../../components/PageHeading';
import { plural } from '../../format';
import { useAppNavigation } from '../shell/app-navigation';
import { FullServicesTable, NeedsTable } from './GapsTables';
import { NeedsChart } from './NeedsChart';

function Section({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <Paper component="section" variant="outlined" aria-labelledby={headingId} sx={{ p: 3, mt: 3, minWidth: 0 }}>
      <Typography id={headingId} variant="h2" component="h2" sx={{ fontSize: '1.35rem', mb: 1.5 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

/**
 * Where the directory falls short: needs that open referrals bring and no active group or
 * service meets, and services that are full. Counts only, never names; computed in main.
 */
export function GapsPage() {
  const { openArea, openDirectoryEntry } = useAppNavigation();
  const report = useLoad(api.gaps.report);
  const data = report.data;
  const unmet = data ? data.needs.filter((need) => data.unmet.includes(need.reason)) : [];

  return (
    <>
      <Button startIcon={<ArrowBack />} onClick={() => openArea('directory')} sx={{ mb: 1, ml: -1 }}>
        Back to the directory
      </Button>
      <PageHeading>Gaps in the directory</PageHeading>
      <Typography sx={{ maxWidth: '75ch' }}>
        The needs that open referrals bring, against the active groups and services that meet them, and the services that are full. Counts only: no one is named.
      </Typography>
      {report.error && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {report.error}
        </Alert>
      )}
      {!data && !report.error && <CircularProgress aria-label="Working out the gaps" sx={{ mt: 2 }} />}
      {data && (
        <>
          <Section title="Unmet needs">
            {unmet.length === 0 ? (
              <Typography>Every need that open referrals cite is met by at least one active group or service.</Typography>
            ) : (
              <>
                <Typography sx={{ mb: 1 }}>No active group or service in the directory meets these needs:</Typography>
                <Box component="ul" sx={{ m: 0, pl: 3 }}>
                  {unmet.map((need) => (
                    <li key={need.reason}>
                      <Box component="span" sx={{ fontWeight: 600 }}>
                        {REFERRAL_REASONS[need.reason]}
                      </Box>
                      : {plural(need.openReferrals, 'open referral', 'open referrals')}
                    </li>
                  ))}
                </Box>
              </>
            )}
          </Section>
          <Section title="Needs and what meets them">
            {data.needs.some((need) => need.openReferrals > 0 || need.activeServices > 0) ? (
              <>
                <NeedsChart needs={data.needs} />
                <NeedsTable needs={data.needs} caption="Open referrals and active services for each need" />
              </>
            ) : (
              <Typography>No open referrals, and no active services, yet.</Typography>
            )}
          </Section>
          <Section title="Services at or over capacity">
            {data.full.length === 0 ? (
              <Typography>No service is full or has a waiting list.</Typography>
            ) : (
              <FullServicesTable services={data.full} onOpen={openDirectoryEntry} />
            )}
          </Section>
        </>
      )}
    </>
  );
}
