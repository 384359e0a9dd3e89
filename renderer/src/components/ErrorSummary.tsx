/** A message about the whole form or action, announced to screen readers when it appears. */
export function ErrorSummary(props: { message: string; title?: string }) {
  return (
    <div className="error-summary" role="alert">
      <p className="error-summary-title">{props.title ?? 'There is a problem'}</p>
      <p>{props.message}</p>
    </div>
  );
}
