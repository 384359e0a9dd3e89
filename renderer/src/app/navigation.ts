import { create } from 'zustand';
import { areaFromHash, hrefOf, type AreaId } from './areas';

/**
 * Which area is on screen. The address bar's hash is the source (#/people), so links in
 * the navigation, the back button and a reload all agree; this store mirrors it for React.
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

window.addEventListener('hashchange', () => {
  // Only #/<area> addresses are routes; an in-page anchor such as #main is not.
  if (!window.location.hash.startsWith('#/')) return;
  useNavigation.setState({ area: areaFromHash(window.location.hash) });
});
