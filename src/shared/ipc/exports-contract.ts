/** IPC channels for exports. Spread into the one contract in ./contract.ts. */
export const exportsAreas = {} as const;
