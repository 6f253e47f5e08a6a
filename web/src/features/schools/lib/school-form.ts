// The school form (create and edit): values as typed, the client checks (the server checks the same
// and more; its field errors are shown at the fields), and the body sent to POST /schools or PATCH.
import { z } from 'zod';
import { schoolTypes, type School } from '../types';

const digits = (min: number, max: number, message: string) =>
  z.string().refine((v) => v.trim() === '' || new RegExp(`^\\d{${min},${max}}$`).test(v.trim()), message);

/** A decimal typed the Czech way ("49,19") or the English way ("49.19"); empty is allowed. */
export function parseDecimal(v: string): number | null {
  const s = v.trim().replace(/\s/g, '').replace(',', '.');
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : Number.NaN;
}

const decimalIn = (min: number, max: number, message: string) =>
  z.string().refine((v) => {
    const n = parseDecimal(v);
    return n === null || (!Number.isNaN(n) && n >= min && n <= max);
  }, message);

export const schoolFormSchema = z.object({
  izo: z.string().trim().min(1, 'validation.required').pipe(digits(6, 9, 'schools.form.izoInvalid')),
  red_izo: digits(6, 9, 'schools.form.redIzoInvalid'),
  name: z.string().trim().min(1, 'validation.required').max(300, 'validation.tooLong'),
  type: z.enum(schoolTypes),
  founder_name: z.string().max(300, 'validation.tooLong'),
  founder_ico: digits(8, 8, 'schools.form.icoInvalid'),
  address: z.string().max(500, 'validation.tooLong'),
  ruian_code: z.string().refine((v) => v.trim() === '' || /^[1-9]\d{0,9}$/.test(v.trim()), 'schools.form.ruianInvalid'),
  district: z.string().max(100, 'validation.tooLong'),
  capacity: z.string().refine((v) => v.trim() === '' || /^\d{1,6}$/.test(v.trim()), 'schools.form.capacityInvalid'),
  latitude: decimalIn(-90, 90, 'schools.form.latitudeInvalid'),
  longitude: decimalIn(-180, 180, 'schools.form.longitudeInvalid'),
});
export type SchoolFormValues = z.infer<typeof schoolFormSchema>;

export const schoolFormFields = [
  'izo',
  'red_izo',
  'name',
  'type',
  'founder_name',
  'founder_ico',
  'address',
  'ruian_code',
  'district',
  'capacity',
  'latitude',
  'longitude',
] as const;

/** Server field names shown by a differently named form field. */
export const schoolFieldAliases = {
  'founder.ico': 'founder_ico',
  'founder.name': 'founder_name',
  'coordinates.latitude': 'latitude',
  'coordinates.longitude': 'longitude',
} as const;

const text = (v: string | null) => v ?? '';
const decimalText = (v: number | null) => (v === null ? '' : String(v));

export const emptySchoolValues: SchoolFormValues = {
  izo: '',
  red_izo: '',
  name: '',
  type: 'zs',
  founder_name: '',
  founder_ico: '',
  address: '',
  ruian_code: '',
  district: '',
  capacity: '',
  latitude: '',
  longitude: '',
};

export function valuesFromSchool(s: School): SchoolFormValues {
  return {
    izo: s.izo,
    red_izo: text(s.red_izo),
    name: s.name,
    type: s.type,
    founder_name: text(s.founder.name),
    founder_ico: text(s.founder.ico),
    address: text(s.address),
    ruian_code: s.ruian_code === null ? '' : String(s.ruian_code),
    district: text(s.district),
    capacity: s.capacity === null ? '' : String(s.capacity),
    latitude: decimalText(s.coordinates.latitude),
    longitude: decimalText(s.coordinates.longitude),
  };
}

export type SchoolBody = {
  izo: string;
  red_izo: string | null;
  name: string;
  type: string;
  founder: { name: string | null; ico: string | null };
  address: string | null;
  ruian_code: number | null;
  district: string | null;
  capacity: number | null;
  coordinates: { latitude: number | null; longitude: number | null };
};

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

/** Every field travels: an empty one as null, which clears it on an edit. */
export function toSchoolBody(v: SchoolFormValues): SchoolBody {
  return {
    izo: v.izo.trim(),
    red_izo: orNull(v.red_izo),
    name: v.name.trim(),
    type: v.type,
    founder: { name: orNull(v.founder_name), ico: orNull(v.founder_ico) },
    address: orNull(v.address),
    ruian_code: v.ruian_code.trim() === '' ? null : Number(v.ruian_code.trim()),
    district: orNull(v.district),
    capacity: v.capacity.trim() === '' ? null : Number(v.capacity.trim()),
    coordinates: { latitude: parseDecimal(v.latitude), longitude: parseDecimal(v.longitude) },
  };
}

/** The segregation thresholds as percentages typed in a form ("33,3"). */
export const thresholdsFormSchema = z
  .object({
    more_than_third: z.string(),
    more_than_half: z.string(),
    almost_all: z.string(),
  })
  .superRefine((v, ctx) => {
    const keys = ['more_than_third', 'more_than_half', 'almost_all'] as const;
    const nums = keys.map((k) => parseDecimal(v[k]));
    keys.forEach((k, i) => {
      const n = nums[i];
      if (n === null || n === undefined || Number.isNaN(n) || n <= 0 || n > 100)
        ctx.addIssue({ code: 'custom', path: [k], message: 'schools.thresholds.percentInvalid' });
    });
    const [a, b, c] = nums;
    if (a != null && b != null && !Number.isNaN(a) && !Number.isNaN(b) && b <= a)
      ctx.addIssue({ code: 'custom', path: ['more_than_half'], message: 'schools.thresholds.increasing' });
    if (b != null && c != null && !Number.isNaN(b) && !Number.isNaN(c) && c <= b)
      ctx.addIssue({ code: 'custom', path: ['almost_all'], message: 'schools.thresholds.increasing' });
  });
export type ThresholdsFormValues = z.infer<typeof thresholdsFormSchema>;

export function percentText(fraction: number): string {
  return String(Math.round(fraction * 10000) / 100);
}
