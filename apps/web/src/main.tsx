import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
// The global sheets come first, so that every component's own sheet (imported by the component) comes after them.
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/pages.css';
import { AuthProvider } from './auth';
import { router } from './router';

const container = document.getElementById('root');
if (!container) throw new Error('Mockroom needs an element with id "root" to render into.');

createRoot(container).render(
  <StrictMode>
    <AuthProvider>
      <RouterProvider router={router} />
    </AuthProvider>
  </StrictMode>,
);
