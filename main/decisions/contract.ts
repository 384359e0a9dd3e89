/** The decisions area's operations. Filled in by its issue; gathered in main/api/contract.ts. */
export const decisionsContract = {} as const;
