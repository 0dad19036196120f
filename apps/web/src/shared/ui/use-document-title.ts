import { useEffect } from 'react';

const PRODUCT = 'Mockroom';

/** Sets the browser tab's title: "<title> · Mockroom" (or just the product name). */
export function useDocumentTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · ${PRODUCT}` : PRODUCT;
  }, [title]);
}
