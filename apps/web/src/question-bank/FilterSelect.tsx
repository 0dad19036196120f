export interface FilterOption<T extends string> {
  value: T;
  label: string;
  count?: number;
}

interface FilterSelectProps<T extends string> {
  label: string;
  value: T | null;
  options: FilterOption<T>[];
  onChange: (value: T | null) => void;
}

/** One filter of the bank: "Any" or one value, each with how many questions it would show. */
export function FilterSelect<T extends string>({ label, value, options, onChange }: FilterSelectProps<T>) {
  return (
    <label className="filter">
      <span className="filter__label" aria-hidden="true">
        {label}
      </span>
      <select
        className="select"
        aria-label={label}
        value={value ?? ''}
        onChange={(event) => {
          const picked = options.find((option) => option.value === event.target.value);
          onChange(picked ? picked.value : null);
        }}
      >
        <option value="">Any</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.count === undefined ? option.label : `${option.label} (${option.count})`}
          </option>
        ))}
      </select>
    </label>
  );
}
