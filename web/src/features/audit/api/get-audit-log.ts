// GET /audit (admin): who read or changed what and when, filtered and paged on the server.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entity_id: z.union([z.string(), z.number()]).nullable(),
  request_id: z.string().nullable(),
  detail: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

export type AuditFilters = {
  entity: string;
  entity_id: string;
  actor: string;
  /** YYYY-MM-DD */
  from: string;
  /** YYYY-MM-DD */
  to: string;
};

export const emptyAuditFilters: AuditFilters = { entity: '', entity_id: '', actor: '', from: '', to: '' };

export const AUDIT_PAGE_SIZE = 50;

export type AuditQuery = AuditFilters & { page: number; page_size: number };

export function getAuditLog(query: AuditQuery, signal?: AbortSignal): Promise<AuditPage> {
  return apiRequest('/audit', auditPageSchema, { query, signal });
}

export function useAuditLog(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => getAuditLog(query, signal),
    placeholderData: keepPreviousData,
  });
}
