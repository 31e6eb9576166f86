import type { SessionUser } from '../../../../shared/ipc/contract';
import { CohortOutcomes } from '../outcomes/CohortOutcomes';
import { AreaPlaceholder, PLACEHOLDER_PURPOSES } from '../shell/AreaPlaceholder';

/** The Reports area. */
export function ReportsPage({ user }: { user: SessionUser }) {
  void user;
  return (
    <>
      <AreaPlaceholder title="Reports" purpose={PLACEHOLDER_PURPOSES.reports} />
      <CohortOutcomes />
    </>
  );
}
