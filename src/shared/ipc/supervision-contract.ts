/** IPC channels for supervision. Spread into the one contract in ./contract.ts. */
export const supervisionAreas = {} as const;
