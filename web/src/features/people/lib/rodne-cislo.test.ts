import { describe, expect, it } from 'vitest';
import { parseRodneCislo } from './rodne-cislo';

describe('rodné číslo', () => {
  it('accepts a valid 10-digit number with or without the slash and reads the birth date', () => {
    expect(parseRodneCislo('150101/0005')).toEqual({ ok: true, birthDate: '2015-01-01', sex: 'male', normalized: '150101/0005' });
    expect(parseRodneCislo('1501010005')).toMatchObject({ ok: true, birthDate: '2015-01-01' });
  });

  it('reads +50 (women) and, since 2004, +20 / +70', () => {
    expect(parseRodneCislo('655101/0004')).toMatchObject({ ok: true, birthDate: '1965-01-01', sex: 'female' });
    expect(parseRodneCislo('127201/0003')).toMatchObject({ ok: true, birthDate: '2012-02-01', sex: 'female' });
  });

  it('accepts 9 digits only for people born before 1954', () => {
    expect(parseRodneCislo('530101/123')).toMatchObject({ ok: true, birthDate: '1953-01-01' });
    expect(parseRodneCislo('540101/123')).toEqual({ ok: false, problem: 'nineDigitsAfter1953' });
  });

  it('refuses a wrong check digit but keeps the old mod-11 exception', () => {
    expect(parseRodneCislo('150101/0006')).toEqual({ ok: false, problem: 'checksum' });
    expect(parseRodneCislo('780123/0020')).toMatchObject({ ok: true, birthDate: '1978-01-23' });
  });

  it('refuses impossible dates and other shapes', () => {
    expect(parseRodneCislo('150231/0000')).toEqual({ ok: false, problem: 'date' });
    expect(parseRodneCislo('852101/0000')).toEqual({ ok: false, problem: 'date' });
    expect(parseRodneCislo('15-01-01')).toEqual({ ok: false, problem: 'format' });
  });
});
