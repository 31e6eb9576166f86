import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { DIRECTORY_CATEGORIES } from '../../../../shared/domain/directory';
import { REFERRAL_REASONS } from '../../../../shared/domain/referral';
import type { GapsReport } from '../../../../shared/ipc/connections-schemas';
import { ToneChip } from '../../components/ToneChip';
import { DirectoryStatusChip } from '../directory/directory-words';

function gapWords(need: GapsReport['needs'][number]) {
  if (need.openReferrals === 0) return 'No open referrals';
  return need.activeServices === 0 ? <ToneChip tone="alert" label="Unmet" /> : 'Met';
}

/** Header cells in bold, so the columns read as labelled. */
const headSx = { '& th': { fontWeight: 700 } } as const;

/** Every need open referrals cite, with the active services that meet it; gaps marked in words. */
export function NeedsTable({ needs, caption }: { needs: GapsReport['needs']; caption: string }) {
  const cited = needs.filter((need) => need.openReferrals > 0 || need.activeServices > 0);
  return (
    <TableContainer>
      <Table size="small" aria-label={caption}>
        <TableHead sx={headSx}>
          <TableRow>
            <TableCell component="th" scope="col">Need</TableCell>
            <TableCell component="th" scope="col" align="right">Open referrals</TableCell>
            <TableCell component="th" scope="col" align="right">Active services that meet it</TableCell>
            <TableCell component="th" scope="col">Gap?</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {cited.map((need) => (
            <TableRow key={need.reason}>
              <TableCell component="th" scope="row">{REFERRAL_REASONS[need.reason]}</TableCell>
              <TableCell align="right">{need.openReferrals}</TableCell>
              <TableCell align="right">{need.activeServices}</TableCell>
              <TableCell>{gapWords(need)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function places(service: GapsReport['full'][number]): string {
  if (service.capacity === null) return 'Not given';
  return `${service.placesUsed ?? 0} of ${service.capacity}`;
}

/** Services at or over capacity, or with a waiting list; each opens its directory entry. */
export function FullServicesTable({ services, onOpen }: { services: GapsReport['full']; onOpen: (serviceId: string) => void }) {
  return (
    <TableContainer>
      <Table size="small" aria-label="Services at or over capacity">
        <TableHead sx={headSx}>
          <TableRow>
            <TableCell component="th" scope="col">Group or service</TableCell>
            <TableCell component="th" scope="col">Category</TableCell>
            <TableCell component="th" scope="col">Status</TableCell>
            <TableCell component="th" scope="col" align="right">Places used</TableCell>
            <TableCell component="th" scope="col">Waiting list</TableCell>
            <TableCell component="th" scope="col" align="right">People being connected</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {services.map((service) => (
            <TableRow key={service.id}>
              <TableCell component="th" scope="row">
                <Button variant="text" onClick={() => onOpen(service.id)} sx={{ p: 0, minWidth: 0, textAlign: 'left', textDecoration: 'underline' }}>
                  {service.name}
                </Button>
                <br />
                {service.organisationName}
              </TableCell>
              <TableCell>{DIRECTORY_CATEGORIES[service.category]}</TableCell>
              <TableCell>
                <DirectoryStatusChip status={service.status} />
              </TableCell>
              <TableCell align="right">{places(service)}</TableCell>
              <TableCell>{service.waitingList ? 'Yes' : 'No'}</TableCell>
              <TableCell align="right">{service.openConnections}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
