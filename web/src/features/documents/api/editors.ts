// Editors for coordinators: document templates (POST /document-templates/{code}/versions saves a new
// version; base_version must be the newest in that language, else 409) and the "where to turn" guide
// institutions (PUT /guides/where-to-turn/institutions/{code}/{lang} with version; 0 creates a Romani row).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { documentTemplateSchema, type DocumentTemplate } from '../types';

export const templateLanguages = ['cs', 'rom'] as const;
export type TemplateLanguage = (typeof templateLanguages)[number];

const templatesSchema = z.object({ items: z.array(documentTemplateSchema) });

export function useTemplatesIn(language: TemplateLanguage) {
  return useQuery({
    queryKey: ['documents', 'templates', 'editor', language],
    queryFn: ({ signal }) => apiRequest('/document-templates', templatesSchema, { query: { language }, signal }),
  });
}

export type TemplateVersionBody = { language: TemplateLanguage; title: string; addressee: string; body: string; base_version?: number };

export function useSaveTemplateVersion(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TemplateVersionBody): Promise<DocumentTemplate> =>
      apiRequest(`/document-templates/${code}/versions`, documentTemplateSchema, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['documents', 'templates'] }),
  });
}

export const guideInstitutionSchema = z.object({
  code: z.string(),
  language: z.string(),
  position: z.number().int(),
  name: z.string(),
  address: z.string(),
  what_they_do: z.string(),
  version: z.number().int(),
  updated_at: z.string(),
  updated_by: z.string(),
});
export type GuideInstitution = z.infer<typeof guideInstitutionSchema>;

export function useGuideInstitutions(lang: TemplateLanguage) {
  return useQuery({
    queryKey: ['documents', 'guide', lang],
    queryFn: ({ signal }) =>
      apiRequest('/guides/where-to-turn/institutions', z.object({ items: z.array(guideInstitutionSchema) }), { query: { lang }, signal }).then(
        (r) => r.items,
      ),
  });
}

export type GuideInstitutionBody = { version: number; position: number; name: string; address: string; what_they_do: string };

export function useSaveGuideInstitution(code: string, lang: TemplateLanguage) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GuideInstitutionBody): Promise<GuideInstitution> =>
      apiRequest(`/guides/where-to-turn/institutions/${code}/${lang}`, guideInstitutionSchema, { method: 'PUT', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['documents', 'guide'] }),
  });
}
