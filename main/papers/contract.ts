/** The papers area's operations. Filled in by its issue; gathered in main/api/contract.ts. */
export const papersContract = {} as const;
