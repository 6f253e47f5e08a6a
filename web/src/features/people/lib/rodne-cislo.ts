// Rodné číslo (birth number, zákon 133/2000 Sb. §13), checked the way the server checks it
// (DOMAIN.md §4): YYMMDD + ending, with or without the slash. Born before 1954: 9 digits and no check
// digit. Otherwise 10 digits divisible by 11 — except old numbers whose first nine digits mod 11 are 10
// and whose last digit is 0. Month +50 for women; since 2004 also +20 (men) / +70 (women).

export type RodneCisloProblem = 'format' | 'date' | 'nineDigitsAfter1953' | 'checksum';

export type RodneCisloResult =
  | { ok: true; birthDate: string; sex: 'female' | 'male'; normalized: string }
  | { ok: false; problem: RodneCisloProblem };

const pattern = /^(\d{2})(\d{2})(\d{2})\/?(\d{3,4})$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function parseRodneCislo(input: string): RodneCisloResult {
  const value = input.trim().replace(/\s+/g, '');
  const match = pattern.exec(value);
  if (!match) return { ok: false, problem: 'format' };
  const [, yy, mm, dd, ending] = match as unknown as [string, string, string, string, string];
  const twoDigitYear = Number(yy);
  const nineDigits = ending.length === 3;
  let year: number;
  if (nineDigits) {
    if (twoDigitYear >= 54) return { ok: false, problem: 'nineDigitsAfter1953' };
    year = 1900 + twoDigitYear;
  } else {
    year = twoDigitYear >= 54 ? 1900 + twoDigitYear : 2000 + twoDigitYear;
  }

  let month = Number(mm);
  let sex: 'female' | 'male' = 'male';
  if (month > 70) {
    sex = 'female';
    month -= 70;
    if (year < 2004) return { ok: false, problem: 'date' };
  } else if (month > 50) {
    sex = 'female';
    month -= 50;
  } else if (month > 20) {
    month -= 20;
    if (year < 2004) return { ok: false, problem: 'date' };
  }
  const day = Number(dd);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, problem: 'date' };
  }

  if (!nineDigits) {
    const digits = `${yy}${mm}${dd}${ending}`;
    const whole = BigInt(digits);
    const firstNine = Number(digits.slice(0, 9));
    const oldException = firstNine % 11 === 10 && digits.endsWith('0');
    if (whole % 11n !== 0n && !oldException) return { ok: false, problem: 'checksum' };
  }

  return { ok: true, birthDate: `${year}-${pad(month)}-${pad(day)}`, sex, normalized: `${yy}${mm}${dd}/${ending}` };
}
