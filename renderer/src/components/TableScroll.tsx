import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A wide table's own scroll box (WCAG 1.4.10 reflow): on a narrow window the table scrolls
 * sideways inside this box while the page itself does not. When (and only when) the table is
 * wider than the box, the box becomes a labelled region in the Tab order, so a keyboard user
 * can reach it and scroll it with the arrow keys (axe's scrollable-region-focusable); a table
 * that fits adds no tab stop.
 */
export function TableScroll(props: { children: ReactNode } & ({ label: string } | { labelledBy: string })) {
  const box = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={box}
      className="table-scroll"
      {...(overflows ? { role: 'region', tabIndex: 0, ...('label' in props ? { 'aria-label': props.label } : { 'aria-labelledby': props.labelledBy }) } : {})}
    >
      {props.children}
    </div>
  );
}
