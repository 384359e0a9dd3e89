import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { hasApi } from './api';
import { App } from './app/App';
import { queryClient } from './queries';
import './styles.css';

const root = document.getElementById('root')!;

// window.api is defined before this module runs (preload in Electron, /bridge.js in the
// browser tests). Without it the app cannot do anything, so it says so instead of failing later.
if (!hasApi()) {
  root.textContent = 'Board Secretariat cannot reach its workspace (window.api is missing). Start the app with npm start or npm run serve.';
  document.body.dataset.ready = 'error';
} else {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}
