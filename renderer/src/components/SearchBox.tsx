import { useEffect, useRef, useState } from 'react';

/**
 * A search box that filters as you type: the search runs 200 ms after the last key,
 * so a list is not re-queried for every letter.
 */
export function SearchBox(props: { id: string; label: string; value: string; onSearch: (text: string) => void; delayMs?: number }) {
  const [text, setText] = useState(props.value);
  const { onSearch } = props;
  const delay = props.delayMs ?? 200;
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => onSearch(text), delay);
    return () => clearTimeout(timer);
  }, [text, delay, onSearch]);

  return (
    <div className="field field-inline">
      <label htmlFor={props.id}>{props.label}</label>
      <input id={props.id} className="input input-medium" type="search" value={text} autoComplete="off" onChange={(e) => setText(e.target.value)} />
    </div>
  );
}
