import type { DirectoryStatus } from '../../../shared/domain/directory';

export { CONNECTION_STATUSES, canMoveConnection, isFinalConnectionStatus } from '../../../shared/domain/connections';

/** Only active groups and services take new connections: paused and closed ones are refused. */
export const DIRECTORY_STATUSES_FOR_CONNECTIONS: readonly DirectoryStatus[] = ['active'];
