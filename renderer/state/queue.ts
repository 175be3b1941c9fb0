import { create, type StoreApi } from 'zustand';
import type { CASE_SORTS } from '../../shared/contract/cases.js';
import { CASE_STATUSES, type CaseStatus, type CaseSummary } from '../../shared/domain/case.js';
import { call, errorMessage } from '../ipc/index.js';

export type CaseSort = (typeof CASE_SORTS)[number];
export type SortDirection = 'asc' | 'desc';

/** The default view leaves cancelled and ported cases out of the way; "all" brings them back. */
export type QueueView = 'active' | 'all';
export const INACTIVE_STATUSES: readonly CaseStatus[] = ['cancelled', 'ported'];
export const ACTIVE_STATUSES: CaseStatus[] = CASE_STATUSES.filter((s) => !INACTIVE_STATUSES.includes(s));

export interface QueueQuery {
  view: QueueView;
  status: CaseStatus[];
  carrier: string;
  search: string;
  sort: CaseSort;
  direction: SortDirection;
}

/** Rows come in pages fetched by offset as the list scrolls: 50,000 cases never sit in memory at once. */
export const PAGE_SIZE = 200;

export const DEFAULT_QUERY: QueueQuery = {
  view: 'active',
  status: [],
  carrier: '',
  search: '',
  sort: 'age',
  direction: 'desc',
};

/** The statuses a query asks the host for: chosen chips win, else the view decides. */
export function statusesOf(q: QueueQuery): CaseStatus[] {
  return q.status.length ? q.status : q.view === 'active' ? ACTIVE_STATUSES : [];
}

interface QueueState {
  query: QueueQuery;
  /** null until the first page of the current query arrives */
  total: number | null;
  /** page index → rows; may hold rows of an earlier refresh until the new ones arrive (no flicker) */
  pages: Record<number, CaseSummary[]>;
  /** pages loaded for the current generation */
  fresh: Record<number, true>;
  /** the query changed: the rows shown belong to the previous one until the first new page lands */
  replacing: boolean;
  generation: number;
  error: string | null;
  /** the rows the list currently shows, so a refresh re-fetches just those */
  visible: { start: number; end: number };
  selectedIndex: number;
  carriers: string[];

  setQuery(patch: Partial<QueueQuery>): void;
  resetFilters(): void;
  ensureRange(start: number, end: number): void;
  refresh(): void;
  loadCarriers(): Promise<void>;
  select(index: number): void;
  markSeenLocally(id: number): void;
}

const inflight = new Set<string>();

export function rowAt(state: Pick<QueueState, 'pages'>, index: number): CaseSummary | undefined {
  return state.pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}

export function hasFilters(q: QueueQuery): boolean {
  return q.status.length > 0 || q.carrier !== '' || q.search.trim() !== '';
}

type SetQueue = StoreApi<QueueState>['setState'];
type GetQueue = StoreApi<QueueState>['getState'];

/** One page of the current query; an answer for an older generation (query or data changed) is dropped. */
async function fetchPage(set: SetQueue, get: GetQueue, page: number): Promise<void> {
  const { generation, query } = get();
  const key = `${generation}:${page}`;
  if (inflight.has(key)) return;
  inflight.add(key);
  try {
    const statuses = statusesOf(query);
    const res = await call('cases.list', {
      ...(statuses.length ? { status: statuses } : {}),
      ...(query.carrier ? { carrier: query.carrier } : {}),
      ...(query.search.trim() ? { search: query.search.trim() } : {}),
      sort: query.sort,
      direction: query.direction,
      offset: page * PAGE_SIZE,
      limit: PAGE_SIZE,
    });
    if (get().generation !== generation) return; // the query or data changed meanwhile
    set((s) => {
      const lastPage = Math.max(0, Math.ceil(res.total / PAGE_SIZE) - 1);
      const pages: Record<number, CaseSummary[]> = {};
      if (!s.replacing)
        for (const [k, rows] of Object.entries(s.pages)) if (Number(k) <= lastPage) pages[Number(k)] = rows;
      pages[page] = res.rows;
      return {
        pages,
        fresh: { ...s.fresh, [page]: true },
        total: res.total,
        error: null,
        replacing: false,
        selectedIndex: Math.min(s.selectedIndex, Math.max(0, res.total - 1)),
      };
    });
  } catch (err) {
    if (get().generation === generation) set({ error: errorMessage(err) });
  } finally {
    inflight.delete(key);
  }
}

function loadVisible(get: GetQueue): void {
  const { visible } = get();
  get().ensureRange(visible.start, visible.end);
}

type RowsSlice = Pick<
  QueueState,
  | 'query'
  | 'total'
  | 'pages'
  | 'fresh'
  | 'replacing'
  | 'generation'
  | 'error'
  | 'visible'
  | 'setQuery'
  | 'resetFilters'
  | 'ensureRange'
  | 'refresh'
>;

/** The rows of the current query, fetched page by page as they scroll into view. */
function rowsSlice(set: SetQueue, get: GetQueue): RowsSlice {
  return {
    query: DEFAULT_QUERY,
    total: null,
    pages: {},
    fresh: {},
    replacing: false,
    generation: 0,
    error: null,
    visible: { start: 0, end: 50 },

    setQuery(patch) {
      // keep the current rows on screen (dimmed) until the new ones arrive: no flash per keystroke
      set((s) => ({
        query: { ...s.query, ...patch },
        generation: s.generation + 1,
        fresh: {},
        replacing: s.total !== null,
        error: null,
        selectedIndex: 0,
        visible: { start: 0, end: 50 },
      }));
      loadVisible(get);
    },

    resetFilters() {
      get().setQuery({ view: 'active', status: [], carrier: '', search: '' });
    },

    ensureRange(start, end) {
      set({ visible: { start, end } });
      const first = Math.floor(Math.max(0, start) / PAGE_SIZE);
      const total = get().total;
      const lastIndex = total === null ? end : Math.min(end, Math.max(0, total - 1));
      const last = Math.floor(Math.max(0, lastIndex) / PAGE_SIZE);
      for (let p = first; p <= last; p++) if (!get().fresh[p]) void fetchPage(set, get, p);
    },

    refresh() {
      // keep showing the old rows (and the selected case) until the new pages arrive
      const startIndex = get().selectedIndex;
      const selectedId = rowAt(get(), startIndex)?.id;
      set((s) => ({ generation: s.generation + 1, fresh: {}, error: null }));
      loadVisible(get);
      if (selectedId !== undefined) {
        const stop = useQueue.subscribe((s) => {
          // the user moved (j/k) while the pages loaded: their row stands, the refresh never moves it back
          if (s.selectedIndex !== startIndex) {
            stop();
            return;
          }
          if (!s.fresh[Math.floor(s.selectedIndex / PAGE_SIZE)]) return;
          stop();
          // the same case may now sit at another index: follow it when it is loaded
          if (rowAt(s, s.selectedIndex)?.id === selectedId) return;
          for (const [p, rows] of Object.entries(s.pages)) {
            const i = rows.findIndex((r) => r.id === selectedId);
            if (i >= 0) {
              set({ selectedIndex: Number(p) * PAGE_SIZE + i });
              return;
            }
          }
        });
      }
    },
  };
}

/** The highlighted row, and the "changed since you looked" dot cleared without a refetch. */
function selectionSlice(
  set: SetQueue,
  get: GetQueue,
): Pick<QueueState, 'selectedIndex' | 'select' | 'markSeenLocally'> {
  return {
    selectedIndex: 0,

    select(index) {
      const total = get().total ?? 0;
      set({ selectedIndex: Math.max(0, Math.min(index, total - 1)) });
    },

    markSeenLocally(id) {
      set((s) => {
        let changed = false;
        const pages: Record<number, CaseSummary[]> = {};
        for (const [k, rows] of Object.entries(s.pages)) {
          pages[Number(k)] = rows.map((r) => {
            if (r.id !== id || !r.unseen_change) return r;
            changed = true;
            return { ...r, unseen_change: false };
          });
        }
        return changed ? { pages } : {};
      });
    },
  };
}

/** Carriers named in the queue, for the filter and the case form's suggestions. */
function carriersSlice(set: SetQueue): Pick<QueueState, 'carriers' | 'loadCarriers'> {
  return {
    carriers: [],

    async loadCarriers() {
      try {
        set({ carriers: await call('cases.carriers', {}) });
      } catch {
        // the filter just offers no carriers; the list itself reports connection problems
      }
    },
  };
}

export const useQueue = create<QueueState>()((set, get) => ({
  ...rowsSlice(set, get),
  ...selectionSlice(set, get),
  ...carriersSlice(set),
}));

/** cases.changed arrives in bursts (imports, other windows): coalesce into one refresh. */
let refreshTimer: ReturnType<typeof setTimeout> | null = null;
export function scheduleQueueRefresh(delayMs = 120): void {
  if (refreshTimer) clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    useQueue.getState().refresh();
    void useQueue.getState().loadCarriers();
  }, delayMs);
}
