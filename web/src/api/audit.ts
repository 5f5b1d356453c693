/** The audit log (audit administrator). */
import { http } from './client.ts';
import type { AuditEntry, AuditQuery, ChainReport, Page } from './types.ts';

export const searchAudit = (query: AuditQuery) => http.get<Page<AuditEntry>>('/audit', query);
export const verifyAuditChain = () => http.get<ChainReport>('/audit/verify');
