import { useEffect, useId } from 'react';
import { create } from 'zustand';

/**
 * Unsaved input, wherever it is on screen: a form being filled, minutes not yet saved, spend
 * figures typed into the grid. A screen says what it holds while it holds it (useUnsaved);
 * moving to another screen, the back button or closing the window then asks first
 * (./navigation.ts, ./LeaveDialog.tsx; the desktop app's window asks in
 * main/electron/window.ts). Leaving a screen unmounts its parts, which forgets them.
 */
const held = new Map<string, string>();

/** While `dirty`, this part of the screen holds `what` (e.g. "the minutes of item 4"), unsaved. */
export function useUnsaved(dirty: boolean, what: string): void {
  const id = useId();
  useEffect(() => {
    if (!dirty) return;
    held.set(id, what);
    return () => {
      held.delete(id);
    };
  }, [id, dirty, what]);
}

/** What is unsaved on screen now, each once, in the order it was typed. */
export function unsavedWork(): string[] {
  return [...new Set(held.values())];
}

/** A move the user asked for while something was unsaved: shown as a question until answered. */
interface LeaveState {
  /** The address asked for, or null when nothing is being asked. */
  pending: string | null;
  /** What would be lost, as it was when the question was asked. */
  losing: string[];
  ask(href: string): void;
  stay(): void;
  leave(): void;
}

export const useLeave = create<LeaveState>()((set, get) => ({
  pending: null,
  losing: [],
  ask(href) {
    set({ pending: href, losing: unsavedWork() });
  },
  stay() {
    set({ pending: null, losing: [] });
  },
  leave() {
    const href = get().pending;
    set({ pending: null, losing: [] });
    if (href === null) return;
    held.clear();
    window.location.hash = href;
  },
}));
