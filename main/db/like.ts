/**
 * Patterns for `LIKE @q ESCAPE '\'`: the user's text is matched as written, so a search for
 * "50%" or "item_1" finds those characters rather than treating them as wildcards.
 */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => '\\' + c);
}

/** Rows whose column contains the text anywhere. */
export function likeContaining(text: string): string {
  return '%' + escapeLike(text) + '%';
}

/** Rows whose column starts with the text (e.g. references under a prefix). */
export function likeStartingWith(prefix: string): string {
  return escapeLike(prefix) + '%';
}
