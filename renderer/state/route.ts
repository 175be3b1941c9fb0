import { create } from 'zustand';

/** Hash routes: they survive reloads and need nothing from the host (static index.html). */
export type Route =
  | { name: 'queue' }
  | { name: 'case'; id: number }
  | { name: 'new' }
  | { name: 'due' }
  | { name: 'audit' };

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const m = /^\/case\/(\d+)$/.exec(path);
  if (m) return { name: 'case', id: Number(m[1]) };
  if (path === '/new') return { name: 'new' };
  if (path === '/due') return { name: 'due' };
  if (path === '/audit') return { name: 'audit' };
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
