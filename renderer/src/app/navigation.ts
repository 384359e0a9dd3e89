import { create } from 'zustand';
import { areaFromHash, hrefOf, type AreaId } from './areas';
import { unsavedWork, useLeave } from './unsaved';

/**
 * Which area is on screen. The address bar's hash is the source (#/people), so links in
 * the navigation, the back button and a reload all agree; this store mirrors it for React.
 * A move away from unsaved input asks first (./unsaved.ts).
 */
interface NavigationState {
  area: AreaId;
  go(area: AreaId): void;
}

export const useNavigation = create<NavigationState>()(() => ({
  area: areaFromHash(window.location.hash),
  go(area) {
    window.location.hash = hrefOf(area);
  },
}));

/** The route on screen: where the back button returns to when the user chooses to stay. */
let shown = window.location.hash;

// A link to another screen (#/…) while something is unsaved: ask instead of following it.
document.addEventListener(
  'click',
  (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const link = (e.target as Element | null)?.closest?.('a[href^="#/"]');
    const href = link?.getAttribute('href');
    if (!href || href === window.location.hash || unsavedWork().length === 0) return;
    e.preventDefault();
    useLeave.getState().ask(href);
  },
  true,
);

window.addEventListener('hashchange', () => {
  // Only #/<area> addresses (and none: the dashboard) are routes; an in-page anchor such as #main is not.
  if (!window.location.hash.startsWith('#/') && window.location.hash !== '') return;
  if (window.location.hash !== shown && unsavedWork().length > 0) {
    // The back button (or a typed address): put the screen's address back, and ask.
    const asked = window.location.hash || '#/dashboard';
    history.replaceState(null, '', shown || window.location.pathname);
    useLeave.getState().ask(asked);
    return;
  }
  shown = window.location.hash;
  useNavigation.setState({ area: areaFromHash(window.location.hash) });
});

// Closing the window or reloading with unsaved input: the browser asks (the desktop app's
// window turns this into its own question, main/electron/window.ts).
window.addEventListener('beforeunload', (e) => {
  if (unsavedWork().length === 0) return;
  e.preventDefault();
  e.returnValue = '';
});
