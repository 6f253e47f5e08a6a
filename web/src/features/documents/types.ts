// Document templates and generated documents as the API sends them (docs/openapi.yaml).
import { z } from 'zod';

export const documentTemplateSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  language: z.string(),
  version: z.number().int(),
  title: z.string(),
  addressee: z.string(),
  body: z.string(),
  placeholders: z.array(z.string()),
  created_at: z.string(),
  created_by: z.string(),
});
export type DocumentTemplate = z.infer<typeof documentTemplateSchema>;

export const storedDocumentSchema = z.object({
  id: z.number().int(),
  person_id: z.number().int(),
  template: z.string(),
  template_language: z.string(),
  template_version: z.number().int(),
  title: z.string(),
  school_id: z.number().int().nullable(),
  enrollment_case_id: z.number().int().nullable(),
  size_bytes: z.number().int(),
  sha256: z.string(),
  download_url: z.string(),
  created_at: z.string(),
  created_by: z.string(),
});
export type StoredDocument = z.infer<typeof storedDocumentSchema>;

export const schoolOptionSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  type: z.string(),
});
export type SchoolOption = z.infer<typeof schoolOptionSchema>;
