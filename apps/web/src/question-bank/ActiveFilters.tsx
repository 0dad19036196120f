import './ActiveFilters.css';
import { categoryLabel, LEVEL_LABELS, ROLE_LABELS } from '../shared/ui/labels';
import { hasFilters, type BankFilters } from './bank-query';

interface ActiveFiltersProps {
  filters: BankFilters;
  onChange: (filters: BankFilters) => void;
  onClear: () => void;
}

/** The filters in force, each removable on its own. */
export function ActiveFilters({ filters, onChange, onClear }: ActiveFiltersProps) {
  if (!hasFilters(filters)) return null;
  const active: { key: string; label: string; remove: BankFilters }[] = [];
  if (filters.q) active.push({ key: 'q', label: `“${filters.q}”`, remove: { ...filters, q: '' } });
  if (filters.role)
    active.push({ key: 'role', label: `Role: ${ROLE_LABELS[filters.role]}`, remove: { ...filters, role: null } });
  if (filters.level)
    active.push({ key: 'level', label: `Level: ${LEVEL_LABELS[filters.level]}`, remove: { ...filters, level: null } });
  if (filters.category) {
    active.push({
      key: 'category',
      label: `Category: ${categoryLabel(filters.category)}`,
      remove: { ...filters, category: null },
    });
  }

  return (
    <div className="active-filters">
      <span className="active-filters__label" id="active-filters-label">
        Filtered by
      </span>
      <ul className="active-filters__list" aria-labelledby="active-filters-label">
        {active.map((filter) => (
          <li key={filter.key}>
            <button type="button" className="filter-chip" onClick={() => onChange(filter.remove)}>
              {filter.label}
              <span className="filter-chip__remove" aria-hidden="true">
                ×
              </span>
              <span className="visually-hidden"> (remove)</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button button--link" onClick={onClear}>
        Clear all
      </button>
    </div>
  );
}
