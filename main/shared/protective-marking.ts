/**
 * The Government Security Classifications a board's papers carry here: OFFICIAL, or
 * OFFICIAL-SENSITIVE for what needs more care in handling. One list for the contracts, the
 * settings, the documents and the screens (no imports, so the renderer can use it too).
 */
export const PROTECTIVE_MARKINGS = ['OFFICIAL', 'OFFICIAL-SENSITIVE'] as const;
export type ProtectiveMarking = (typeof PROTECTIVE_MARKINGS)[number];
