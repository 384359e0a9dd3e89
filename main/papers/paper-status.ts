/**
 * A paper's life: draft → for review → final. A paper under review can go back to draft;
 * a final paper can be reopened as a draft (a new version is kept each time, so the final
 * text is never lost). Pure, so the screen offers exactly the moves the service allows.
 */
export const PAPER_STATUSES = ['draft', 'for_review', 'final'] as const;
export type PaperStatus = (typeof PAPER_STATUSES)[number];

export const PAPER_STATUS_LABELS: Record<PaperStatus, string> = {
  draft: 'Draft',
  for_review: 'For review',
  final: 'Final',
};

const NEXT: Record<PaperStatus, readonly PaperStatus[]> = {
  draft: ['for_review'],
  for_review: ['draft', 'final'],
  final: ['draft'],
};

export function allowedStatuses(from: PaperStatus): readonly PaperStatus[] {
  return NEXT[from];
}

export function canMove(from: PaperStatus, to: PaperStatus): boolean {
  return NEXT[from].includes(to);
}
