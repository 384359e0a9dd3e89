import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Column } from './DataTable';

/**
 * A long list as a table with only the rows in view in the DOM (issue 9: ten years of actions
 * are ten thousand rows). The rows loaded so far are `rows`; `total` is how many the filters
 * select, which the table says (aria-rowcount) before they are all loaded; more are asked for
 * (`loadMore`) as the view nears the last loaded row.
 *
 * Keyboard: one row at a time is in the tab order; ↑ ↓ move to the row above or below, Page Up
 * and Page Down by a screenful, Home and End to the first and the last row (End loads every
 * page first), Enter opens the row (`onOpen`). The row in focus is kept in view.
 *
 * The table keeps its roles explicitly (role="table", "row", "cell"): its rows are positioned
 * absolutely, and CSS display changes would otherwise drop the table semantics.
 */
export function VirtualTable<T>(props: {
  /** The table's accessible name. */
  caption: string;
  columns: readonly (Column<T> & { width: string })[];
  rows: readonly T[];
  total: number;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => Promise<unknown>;
  rowKey: (row: T) => string | number;
  rowClassName?: (row: T) => string | undefined;
  onOpen?: (row: T) => void;
  /** Said instead of the table when nothing is selected. */
  empty?: ReactNode;
  /** The estimated height of a row in pixels (rows are measured once shown). */
  rowHeight?: number;
  testId?: string;
}) {
  const { rows, hasMore, loadingMore, loadMore } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [focused, setFocused] = useState(0);
  const [pending, setPending] = useState<number | null>(null);
  const count = rows.length + (hasMore ? 1 : 0);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => props.rowHeight ?? 48,
    overscan: 8,
    getItemKey: (i) => (i < rows.length ? props.rowKey(rows[i]!) : 'loading'),
  });
  const items = virtualizer.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? -1;

  // Near the end of what is loaded: the next page.
  useEffect(() => {
    if (hasMore && !loadingMore && lastShown >= rows.length - 1) void loadMore();
  }, [hasMore, loadingMore, lastShown, rows.length, loadMore]);

  // A move to a row not loaded yet (End, Page Down past the end) waits for it.
  useEffect(() => {
    if (pending === null) return;
    if (pending < rows.length) {
      setPending(null);
      moveTo(pending);
    } else if (!hasMore) {
      setPending(null);
      moveTo(rows.length - 1);
    } else if (!loadingMore) void loadMore();
    // moveTo is stable in effect (it reads refs and setters only).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pending, rows.length, hasMore, loadingMore]);

  // The focused row may be beyond the end after a filter narrowed the list.
  useEffect(() => {
    if (focused > 0 && focused >= rows.length) setFocused(Math.max(0, rows.length - 1));
  }, [focused, rows.length]);

  function moveTo(index: number) {
    const i = Math.max(0, Math.min(index, Math.max(0, rows.length - 1)));
    setFocused(i);
    virtualizer.scrollToIndex(i, { align: 'auto' });
    // The row is in the DOM once the virtualizer has rendered it.
    const focus = (tries: number) => {
      const el = scroller.current?.querySelector<HTMLElement>(`[data-index="${i}"]`);
      if (el) el.focus({ preventScroll: true });
      else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
    };
    requestAnimationFrame(() => focus(10));
  }

  function onKeyDown(e: KeyboardEvent<HTMLElement>) {
    // Keys typed in a row's button or link are theirs (Enter presses the button).
    if (!(e.target instanceof HTMLElement) || e.target.getAttribute('role') !== 'row') return;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 480) / (props.rowHeight ?? 48)) - 1);
    const to = (i: number) => {
      e.preventDefault();
      if (i >= rows.length && hasMore) setPending(i);
      else moveTo(i);
    };
    switch (e.key) {
      case 'ArrowDown':
        return to(focused + 1);
      case 'ArrowUp':
        return to(focused - 1);
      case 'PageDown':
        return to(focused + page);
      case 'PageUp':
        return to(focused - page);
      case 'Home':
        return to(0);
      case 'End':
        return to(hasMore ? Number.MAX_SAFE_INTEGER : rows.length - 1);
      case 'Enter': {
        const row = rows[focused];
        if (row && props.onOpen) {
          e.preventDefault();
          props.onOpen(row);
        }
        return;
      }
    }
  }

  if (props.total === 0 && rows.length === 0) return props.empty ? <p className="empty">{props.empty}</p> : null;
  return (
    <div className="virtual-table" ref={scroller} data-testid={props.testId}>
      <table role="table" className="table" aria-label={props.caption} aria-rowcount={props.total + 1} aria-busy={loadingMore || pending !== null}>
        <thead role="rowgroup">
          <tr role="row" aria-rowindex={1}>
            {props.columns.map((c, i) => (
              <th key={i} role="columnheader" scope="col" style={{ width: c.width }} className={c.numeric ? 'numeric' : undefined}>
                {c.hideHeader ? <span className="visually-hidden">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
          {items.map((item) => {
            const row = rows[item.index];
            if (row === undefined) {
              return (
                <tr key="loading" role="row" aria-rowindex={item.index + 2} data-index={item.index} ref={virtualizer.measureElement} style={{ transform: `translateY(${item.start}px)` }} className="loading-row">
                  <td role="cell" colSpan={props.columns.length}>
                    Loading more…
                  </td>
                </tr>
              );
            }
            return (
              <tr
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                data-index={item.index}
                ref={virtualizer.measureElement}
                tabIndex={item.index === focused ? 0 : -1}
                onFocus={(e) => e.target === e.currentTarget && setFocused(item.index)}
                className={props.rowClassName?.(row)}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {props.columns.map((c, i) => {
                  const className = [c.numeric ? 'numeric' : '', c.className ?? ''].filter(Boolean).join(' ') || undefined;
                  return c.rowHeader ? (
                    <th key={i} role="rowheader" scope="row" style={{ width: c.width }} className={className}>
                      {c.cell(row)}
                    </th>
                  ) : (
                    <td key={i} role="cell" style={{ width: c.width }} className={className}>
                      {c.cell(row)}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
