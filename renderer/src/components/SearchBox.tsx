import { useEffect, useRef, useState } from 'react';

/**
 * A search box that filters as you type: the search runs 200 ms after the last key,
 * so a list is not re-queried for every letter.
 */
export function SearchBox(props: { id: string; label: string; value: string; onSearch: (text: string) => void; delayMs?: number }) {
  const [text, setText] = useState(props.value);
  const delay = props.delayMs ?? 200;
  // The text last searched for: a search runs only when the typed text differs from it. Not
  // "every render after the first": a caller passing a new onSearch each render (an inline
  // arrow) would then search again after every answer, re-querying its list five times a second.
  const searched = useRef(props.value);
  const onSearch = useRef(props.onSearch);
  useEffect(() => {
    onSearch.current = props.onSearch;
  });

  useEffect(() => {
    if (text === searched.current) return;
    const timer = setTimeout(() => {
      searched.current = text;
      onSearch.current(text);
    }, delay);
    return () => clearTimeout(timer);
  }, [text, delay]);

  return (
    <div className="field field-inline">
      <label htmlFor={props.id}>{props.label}</label>
      <input id={props.id} className="input input-medium" type="search" value={text} autoComplete="off" onChange={(e) => setText(e.target.value)} />
    </div>
  );
}
