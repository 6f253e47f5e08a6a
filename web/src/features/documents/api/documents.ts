// Document templates, a person's generated documents, and generating one (POST answers 201 with the
// stored record; the PDF is downloaded from its download_url).
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { API_BASE, apiRequest } from '@/lib/api-client';
import { documentTemplateSchema, schoolOptionSchema, storedDocumentSchema } from '../types';

const templatesSchema = z.object({ items: z.array(documentTemplateSchema) });
const documentsSchema = z.object({ items: z.array(storedDocumentSchema) });
const schoolsSchema = z.object({ items: z.array(schoolOptionSchema) });

export const templatesQueryOptions = () =>
  queryOptions({
    queryKey: ['documents', 'templates'] as const,
    queryFn: ({ signal }) => apiRequest('/document-templates', templatesSchema, { query: { language: 'cs' }, signal }),
    staleTime: 5 * 60_000,
  });

export function useDocumentTemplates() {
  return useQuery(templatesQueryOptions());
}

export const personDocumentsKey = (personId: number) => ['documents', 'person', personId] as const;

export function usePersonDocuments(personId: number) {
  return useQuery({
    queryKey: personDocumentsKey(personId),
    queryFn: ({ signal }) => apiRequest(`/people/${personId}/documents`, documentsSchema, { signal }),
  });
}

export function useSchoolOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['documents', 'schools'] as const,
    queryFn: ({ signal }) => apiRequest('/schools', schoolsSchema, { query: { page_size: 200 }, signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export type GenerateBody = {
  template: string;
  school_id?: number;
  parent_id?: number;
  fields: Record<string, string>;
};

export function useGenerateDocument(personId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GenerateBody) =>
      apiRequest(`/people/${personId}/documents`, storedDocumentSchema, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personDocumentsKey(personId) }),
  });
}

/** The address a stored document downloads from (same origin, the session cookie goes along). */
export function documentHref(downloadUrl: string): string {
  return downloadUrl.startsWith(API_BASE) ? downloadUrl : `${API_BASE}${downloadUrl}`;
}

export const whereToTurnHref = (lang: 'cs' | 'rom') => `${API_BASE}/guides/where-to-turn.pdf?lang=${lang}`;
