/**
 * The words for a stream-year's figures, one set used by the return's cover and heading
 * sheet, the funding summary (.docx and .xlsx) and the funding screens, so a grant officer
 * reading one beside another finds the same figure under the same name:
 *
 * - budget: the year's budget lines plus funded projects' awards;
 * - forecast to year end: actual to date plus the forecast for the months after it;
 * - variance: budget − forecast to year end (= budget − actual − forecast of the remaining
 *   months), positive an underspend against the budget;
 * - allocation not yet budgeted: allocation − budget, its own reconciling line, negative
 *   (and warned) when the budget is above the allocation.
 */
export const FIGURE_LABELS = {
  allocation: 'Allocation',
  budget: 'Budget',
  unbudgeted: 'Allocation not yet budgeted',
  actualToDate: 'Actual to date',
  forecastYearEnd: 'Forecast to year end',
  variance: 'Variance (budget less forecast)',
  spendBy: 'Spend by',
} as const;

/**
 * What the variance and the reconciling line mean, one sentence each: printed beside the
 * figures on the return's cover (its template's notes name them {varianceExplained} and
 * {unbudgetedExplained}), so the cover read on its own does not take "budget less forecast" for
 * a budget less only the months still to come.
 */
export const FIGURE_NOTES = {
  varianceExplained:
    'Variance is the budget less the forecast to year end (actual to date plus the forecast for the months after): a positive figure is an underspend against the budget.',
  unbudgetedExplained: 'Allocation not yet budgeted is the allocation less the budget; a negative figure means the budget is above the allocation.',
} as const;

/** Both sentences, for hints and introductions. */
export const VARIANCE_EXPLAINED = `${FIGURE_NOTES.varianceExplained} ${FIGURE_NOTES.unbudgetedExplained}`;
