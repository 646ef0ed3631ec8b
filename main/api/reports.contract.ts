/** Reports (issue 10): filled by its engineer. */
export const reportsContract = {} as const;
