/** IPC channels for reports. Spread into the one contract in ./contract.ts. */
export const reportsAreas = {} as const;
