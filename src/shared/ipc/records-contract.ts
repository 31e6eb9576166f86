/** IPC channels for records. Spread into the one contract in ./contract.ts. */
export const recordsAreas = {} as const;
