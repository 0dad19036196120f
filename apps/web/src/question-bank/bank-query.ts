import {
  CATEGORIES,
  LEVELS,
  ROLES,
  type Category,
  type Level,
  type QuestionQuery,
  type Role,
} from '@mockroom/contracts';

export const PAGE_SIZE = 20;
export const MAX_SEARCH_LENGTH = 200;

/** What the bank shows, as kept in the URL: `?q=cache&role=backend&level=senior&category=databases&page=2`. */
export interface BankFilters {
  q: string;
  role: Role | null;
  level: Level | null;
  category: Category | null;
  page: number;
}

export type FilterName = 'role' | 'level' | 'category';

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

/** Reads the filters from the URL, ignoring values the API would reject. */
export function readFilters(params: URLSearchParams): BankFilters {
  const page = Number.parseInt(params.get('page') ?? '', 10);
  return {
    q: (params.get('q') ?? '').trim().slice(0, MAX_SEARCH_LENGTH),
    role: oneOf(ROLES, params.get('role')),
    level: oneOf(LEVELS, params.get('level')),
    category: oneOf(CATEGORIES, params.get('category')),
    page: Number.isFinite(page) && page > 1 ? page : 1,
  };
}

/** The URL query for the filters, leaving out defaults so links stay short. */
export function writeFilters(filters: BankFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.role) params.set('role', filters.role);
  if (filters.level) params.set('level', filters.level);
  if (filters.category) params.set('category', filters.category);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

export function toApiQuery(filters: BankFilters): QuestionQuery {
  return {
    q: filters.q || undefined,
    role: filters.role ?? undefined,
    level: filters.level ?? undefined,
    category: filters.category ?? undefined,
    limit: PAGE_SIZE,
    offset: (filters.page - 1) * PAGE_SIZE,
  };
}

export function hasFilters(filters: BankFilters): boolean {
  return Boolean(filters.q || filters.role || filters.level || filters.category);
}

export const NO_FILTERS: BankFilters = { q: '', role: null, level: null, category: null, page: 1 };
