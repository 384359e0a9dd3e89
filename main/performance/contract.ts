/** The performance area's operations. Filled in by its issue; gathered in main/api/contract.ts. */
export const performanceContract = {} as const;
