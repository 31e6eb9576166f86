/** IPC channels for outcomes. Spread into the one contract in ./contract.ts. */
export const outcomesAreas = {} as const;
