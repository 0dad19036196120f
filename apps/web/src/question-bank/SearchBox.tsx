import { useEffect, useRef, useState, type FormEvent } from 'react';
import './SearchBox.css';
import { MAX_SEARCH_LENGTH } from './bank-query';

const DEBOUNCE_MS = 300;

/** The bank's search box: searches as you type (after a pause), or at once on Enter. */
export function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value);
  const committed = useRef(value);
  const onSearchRef = useRef(onSearch);
  useEffect(() => {
    onSearchRef.current = onSearch;
  }, [onSearch]);

  // The URL changed from elsewhere (back button, "Clear filters"): show what it says.
  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    const next = text.trim();
    if (next === committed.current) return;
    const timer = window.setTimeout(() => {
      committed.current = next;
      onSearchRef.current(next);
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = text.trim();
    if (next === committed.current) return;
    committed.current = next;
    onSearch(next);
  }

  return (
    <form role="search" className="search" onSubmit={handleSubmit}>
      <svg className="search__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M13 13l4 4" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <input
        type="search"
        className="input search__input"
        aria-label="Search questions"
        placeholder="Search questions, topics, key terms…"
        autoComplete="off"
        spellCheck={false}
        maxLength={MAX_SEARCH_LENGTH}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
    </form>
  );
}
