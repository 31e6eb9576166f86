import Typography from '@mui/material/Typography';
import { PageHeading } from '../../components/PageHeading';

/** A calm page for areas still being built: what will live there, and nothing made up. */
export function AreaPlaceholder({ title, purpose }: { title: string; purpose: string }) {
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Typography sx={{ maxWidth: '65ch' }}>{purpose}</Typography>
    </>
  );
}

export const PLACEHOLDER_PURPOSES = {
  supervision:
    'Weekly supervision will live here: an agenda built from the caseload, notes on each case, decisions, actions and the sign-off.',
  reports: 'Reports for the PCN and commissioners will live here, with small numbers hidden so nobody can be identified.',
  exports:
    'Exports will live here: each one states its purpose, who receives it and the lawful basis, and is recorded in the audit log.',
} as const;
