import { CATEGORIES, LEVELS, ROLES, type QuestionFacets } from '@mockroom/contracts';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import './QuestionBankPage.css';
import { questionBankApi } from '../shared/api/endpoints';
import { useResource } from '../shared/api/use-resource';
import { EmptyState } from '../shared/ui/EmptyState';
import { ErrorState } from '../shared/ui/ErrorState';
import { categoryLabel, LEVEL_LABELS, plural, ROLE_LABELS } from '../shared/ui/labels';
import { SkeletonCards } from '../shared/ui/Skeleton';
import { Spinner } from '../shared/ui/Spinner';
import { useDocumentTitle } from '../shared/ui/use-document-title';
import { ActiveFilters } from './ActiveFilters';
import { hasFilters, NO_FILTERS, readFilters, toApiQuery, writeFilters, type BankFilters } from './bank-query';
import { FilterSelect, type FilterOption } from './FilterSelect';
import { Pagination } from './Pagination';
import { QuestionCard } from './QuestionCard';
import { SearchBox } from './SearchBox';

function counts<T extends string>(facet: { value: T; count: number }[] | undefined): Map<T, number> | null {
  return facet ? new Map(facet.map((entry) => [entry.value, entry.count])) : null;
}

function filterOptions(facets: QuestionFacets | undefined) {
  const roles = counts(facets?.roles);
  const levels = counts(facets?.levels);
  const categories = counts(facets?.categories);
  return {
    roles: ROLES.map((value): FilterOption<(typeof ROLES)[number]> => ({
      value,
      label: ROLE_LABELS[value],
      count: roles ? (roles.get(value) ?? 0) : undefined,
    })),
    levels: LEVELS.map((value): FilterOption<(typeof LEVELS)[number]> => ({
      value,
      label: LEVEL_LABELS[value],
      count: levels ? (levels.get(value) ?? 0) : undefined,
    })),
    categories: CATEGORIES.map((value): FilterOption<(typeof CATEGORIES)[number]> => ({
      value,
      label: facets?.categories.find((entry) => entry.value === value)?.label ?? categoryLabel(value),
      count: categories ? (categories.get(value) ?? 0) : undefined,
    })),
  };
}

export function QuestionBankPage() {
  useDocumentTitle('Question bank');
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const filters = useMemo(() => readFilters(params), [params]);
  const query = useMemo(() => toApiQuery(filters), [filters]);
  const result = useResource(JSON.stringify(query), (signal) => questionBankApi.list(query, signal), {
    keepPrevious: true,
  });
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const previousPage = useRef(filters.page);

  /** Changes the filters in the URL; any change but paging starts again from the first page. */
  const update = useCallback(
    (next: BankFilters, { replace = false, keepScroll = true } = {}) => {
      void setParams(writeFilters(next), { replace, preventScrollReset: keepScroll });
    },
    [setParams],
  );
  const search = useCallback((q: string) => update({ ...filters, q, page: 1 }, { replace: true }), [filters, update]);
  const clearFilters = () => update(NO_FILTERS);

  // After paging, start keyboard and screen-reader users at the top of the new results.
  useEffect(() => {
    if (previousPage.current !== filters.page) resultsHeading.current?.focus({ preventScroll: true });
    previousPage.current = filters.page;
  }, [filters.page]);

  const options = filterOptions(result.data?.facets);
  const data = result.data;
  const back = { backTo: location.pathname + location.search, backLabel: 'Question bank' };
  const loading = result.status === 'loading';

  return (
    <div className="page">
      <header className="page__header">
        <h1 className="page__title">Question bank</h1>
        <p className="page__lead">
          Real fullstack and backend interview questions, each with what a strong answer covers. Search, filter, and
          open a question to prepare.
        </p>
      </header>

      <div className="toolbar">
        <SearchBox value={filters.q} onSearch={search} />
        <div className="toolbar__filters">
          <FilterSelect
            label="Role"
            value={filters.role}
            options={options.roles}
            onChange={(role) => update({ ...filters, role, page: 1 })}
          />
          <FilterSelect
            label="Level"
            value={filters.level}
            options={options.levels}
            onChange={(level) => update({ ...filters, level, page: 1 })}
          />
          <FilterSelect
            label="Category"
            value={filters.category}
            options={options.categories}
            onChange={(category) => update({ ...filters, category, page: 1 })}
          />
        </div>
        <ActiveFilters filters={filters} onChange={(next) => update({ ...next, page: 1 })} onClear={clearFilters} />
      </div>

      <section className="results" aria-labelledby="results-heading" aria-busy={loading}>
        <div className="results__summary">
          <h2 id="results-heading" className="results__count" ref={resultsHeading} tabIndex={-1}>
            {data ? (
              <span data-testid="result-count">{plural(data.total, 'question')}</span>
            ) : (
              <span className="visually-hidden">Results</span>
            )}
          </h2>
          {loading && data && <Spinner size="small" label="Updating results" />}
        </div>

        {result.status === 'error' ? (
          <ErrorState title="Couldn't load questions" message={result.error.message} onRetry={result.reload} />
        ) : !data ? (
          <SkeletonCards count={5} label="Loading questions…" />
        ) : data.total === 0 ? (
          <EmptyState
            title={hasFilters(filters) ? 'No questions match' : 'The question bank is empty'}
            actions={
              hasFilters(filters) && (
                <button type="button" className="button button--primary" onClick={clearFilters}>
                  Clear filters
                </button>
              )
            }
          >
            <p>
              {hasFilters(filters)
                ? 'Try fewer words, or loosen the role, level or category.'
                : 'No questions have been loaded into this installation yet.'}
            </p>
          </EmptyState>
        ) : data.items.length === 0 ? (
          <EmptyState
            title="No questions on this page"
            actions={
              <button type="button" className="button button--primary" onClick={() => update({ ...filters, page: 1 })}>
                Go to the first page
              </button>
            }
          >
            <p>This page is past the end of the results.</p>
          </EmptyState>
        ) : (
          <>
            <div className={`results__list${loading ? ' results__list--stale' : ''}`}>
              {data.items.map((question) => (
                <QuestionCard key={question.id} question={question} back={back} />
              ))}
            </div>
            <Pagination
              total={data.total}
              offset={data.offset}
              limit={data.limit}
              onPage={(page) => update({ ...filters, page }, { keepScroll: false })}
            />
          </>
        )}
      </section>
    </div>
  );
}
