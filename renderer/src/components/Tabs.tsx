import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface Tab<T extends string> {
  id: T;
  label: string;
}

/**
 * Tabs on the WAI-ARIA pattern: one tab in the Tab order, the arrow keys (and Home, End)
 * move between tabs and show each. `selected` may be null when the panel shows something
 * else (an indicator opened from the scorecard); the panel is then named by panelLabel.
 */
export function Tabs<T extends string>(props: {
  id: string;
  label: string;
  tabs: readonly Tab<T>[];
  selected: T | null;
  onSelect: (id: T) => void;
  panelLabel?: string;
  children: ReactNode;
}) {
  const { id, tabs, selected, onSelect } = props;
  const refs = useRef<Partial<Record<T, HTMLButtonElement | null>>>({});
  const tabId = (t: T) => `${id}-tab-${t}`;
  const focusable = selected ?? tabs[0]?.id;

  function onKeyDown(e: KeyboardEvent) {
    const last = tabs.length - 1;
    const i = Math.max(0, tabs.findIndex((t) => t.id === selected));
    const next = { ArrowRight: i === last ? 0 : i + 1, ArrowLeft: i === 0 ? last : i - 1, Home: 0, End: last }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const to = tabs[next]!.id;
    onSelect(to);
    refs.current[to]?.focus();
  }

  return (
    <>
      <div role="tablist" aria-label={props.label} className="tabs" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={tabId(t.id)}
            aria-selected={selected === t.id}
            aria-controls={`${id}-panel`}
            tabIndex={t.id === focusable ? 0 : -1}
            className="tab"
            onClick={() => onSelect(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={selected ? tabId(selected) : undefined}
        aria-label={selected ? undefined : props.panelLabel}
        className="tab-panel"
      >
        {props.children}
      </div>
    </>
  );
}
