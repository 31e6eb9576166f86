import { createContext, useContext, useMemo, useState } from 'react';
import type { AreaId } from './areas';

/** A person chosen for a new referral, named so the page can say whose referral it is. */
export interface ReferralPerson {
  id: string;
  name: string;
}

/** What the main column shows: an area's own page, or a page reached from it. */
export type Page =
  | { kind: 'area' }
  | { kind: 'person'; personId: string }
  | { kind: 'new-referral'; person: ReferralPerson | null }
  | { kind: 'directory-entry'; entryId: string }
  | { kind: 'directory-gaps' };

export interface View {
  /** The navigation item that stays highlighted. */
  area: AreaId;
  page: Page;
  /** Counts every move, so even reopening the same page starts it fresh with focus on its heading. */
  visit: number;
}

export interface AppNavigation {
  openArea: (area: AreaId) => void;
  /** Opens a person's record; `from` is the area to go back to (the caseload unless said). */
  openPerson: (personId: string, from?: AreaId) => void;
  /** Starts a referral, for a new person or (given) one already in Linkdesk. */
  startReferral: (person?: ReferralPerson) => void;
  /** Opens one directory entry, from the Directory area. */
  openDirectoryEntry: (entryId: string) => void;
  /** Opens the gaps view (unmet needs, full services), from the Directory area. */
  openDirectoryGaps: () => void;
}

/**
 * In-memory navigation: no URLs, no history API and nothing stored, so locking (which unmounts
 * the app frame) leaves no trace of whose record was open.
 */
export function useAppView(landing: AreaId): [View, AppNavigation] {
  const [view, setView] = useState<View>({ area: landing, page: { kind: 'area' }, visit: 0 });
  const navigation = useMemo<AppNavigation>(() => {
    const go = (area: AreaId, page: Page) => setView((current) => ({ area, page, visit: current.visit + 1 }));
    return {
      openArea: (area) => go(area, { kind: 'area' }),
      openPerson: (personId, from = 'caseload') => go(from, { kind: 'person', personId }),
      startReferral: (person) => go('caseload', { kind: 'new-referral', person: person ?? null }),
      openDirectoryEntry: (entryId) => go('directory', { kind: 'directory-entry', entryId }),
      openDirectoryGaps: () => go('directory', { kind: 'directory-gaps' }),
    };
  }, []);
  return [view, navigation];
}

export const AppNavigationContext = createContext<AppNavigation | null>(null);

/** The navigation for screens inside the app frame. */
export function useAppNavigation(): AppNavigation {
  const navigation = useContext(AppNavigationContext);
  if (!navigation) throw new Error('useAppNavigation is only for screens inside the app frame');
  return navigation;
}
