import { describe, expect, it } from 'vitest';
import { isDatePlaceholder, needsSchool, typedPlaceholders } from './placeholders';

describe('placeholders', () => {
  it('asks only for the values the records cannot give', () => {
    expect(typedPlaceholders(['school_name', 'delivered_on', 'child_name', 'reasons'])).toEqual(['delivered_on', 'reasons']);
  });
  it('knows when a school is needed', () => {
    expect(needsSchool(['child_name', 'education'])).toBe(true);
    expect(needsSchool(['child_name'])).toBe(false);
  });
  it('types dates with a date input', () => {
    expect(isDatePlaceholder('delivered_on')).toBe(true);
    expect(isDatePlaceholder('decision_date')).toBe(true);
    expect(isDatePlaceholder('reasons')).toBe(false);
  });
});
