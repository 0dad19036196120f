import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { AuthProvider } from './auth';
import { router } from './router';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/pages.css';
import './styles/interview.css';
import './styles/review.css';
import './styles/progress.css';
import './styles/console.css';

const container = document.getElementById('root');
if (!container) throw new Error('Mockroom needs an element with id "root" to render into.');

createRoot(container).render(
  <StrictMode>
    <AuthProvider>
      <RouterProvider router={router} />
    </AuthProvider>
  </StrictMode>,
);
