import { create } from 'zustand';

/** Hash routes: they survive reloads and need nothing from the host (static index.html). */
export type Route =
  | { name: 'queue' }
  | { name: 'case'; id: number }
  | { name: 'new' }
  | { name: 'due' }
  | { name: 'audit' }
  /** section: the Settings section to show first; caseId: the case the user came from (per-case settings) */
  | { name: 'settings'; section?: string; caseId?: number };

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const m = /^\/case\/(\d+)$/.exec(path);
  if (m) return { name: 'case', id: Number(m[1]) };
  if (path === '/new') return { name: 'new' };
  if (path === '/due') return { name: 'due' };
  if (path === '/audit') return { name: 'audit' };
  const settings = /^\/settings(?:\/([a-z-]+))?(?:\/case\/(\d+))?$/.exec(path);
  if (settings)
    return {
      name: 'settings',
      ...(settings[1] ? { section: settings[1] } : {}),
      ...(settings[2] ? { caseId: Number(settings[2]) } : {}),
    };
  return { name: 'queue' };
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'case':
      return `#/case/${route.id}`;
    case 'new':
      return '#/new';
    case 'due':
      return '#/due';
    case 'audit':
      return '#/audit';
    case 'settings':
      return `#/settings${route.section ? `/${route.section}` : ''}${route.caseId ? `/case/${route.caseId}` : ''}`;
    default:
      return '#/';
  }
}

interface RouteState {
  route: Route;
  go(route: Route, opts?: { replace?: boolean }): void;
}

export const useRoute = create<RouteState>()((set) => ({
  route: parseHash(window.location.hash),
  go(route, opts) {
    const hash = routeHash(route);
    if (window.location.hash !== hash) {
      if (opts?.replace) window.history.replaceState(null, '', hash);
      else window.history.pushState(null, '', hash);
    }
    set({ route });
  },
}));

window.addEventListener('hashchange', () => useRoute.setState({ route: parseHash(window.location.hash) }));
window.addEventListener('popstate', () => useRoute.setState({ route: parseHash(window.location.hash) }));
