/** The KPIs of DESIGN.md §5: the dashboard and the ledger's summary table. */
import { http } from './client.ts';
import type { Dashboard, DashboardQuery, LedgerSummary, LedgerSummaryQuery } from './types.ts';

export const getDashboard = (query: DashboardQuery, signal?: AbortSignal) =>
  http.get<Dashboard>('/dashboard/opinions', query, signal);
export const getLedgerSummary = (query: LedgerSummaryQuery, signal?: AbortSignal) =>
  http.get<LedgerSummary>('/opinions/ledger-summary', query, signal);
