/** Entry point: providers (data, language, theme) and the router. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { isApiError } from './api/client.ts';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { AntdProvider } from './AntdProvider.tsx';
import { AppRouter } from './router.tsx';
import './styles.css';
import './styles.activities.css';
import './styles.performance.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not change by asking again; network trouble might.
      retry: (count, err) => count < 2 && !(isApiError(err) && err.status >= 400 && err.status < 500),
    },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <AntdProvider>
          <AppRouter />
        </AntdProvider>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
