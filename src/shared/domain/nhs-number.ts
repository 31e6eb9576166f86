/**
 * NHS numbers: ten digits, the last a modulus-11 check digit over the first nine (weights 10 to 2).
 * A check value of 10 means the nine digits can never form a valid number.
 */
export function nhsCheckDigit(firstNine: string): number | null {
  if (!/^\d{9}$/.test(firstNine)) return null;
  const sum = [...firstNine].reduce((total, digit, index) => total + Number(digit) * (10 - index), 0);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

/** Strips the spaces and dashes people type ("943 476 5919") and returns the ten digits. */
export function normaliseNhsNumber(typed: string): string {
  return typed.replace(/[\s-]/g, '');
}

export function isValidNhsNumber(typed: string): boolean {
  const digits = normaliseNhsNumber(typed);
  return /^\d{10}$/.test(digits) && nhsCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}

/** "9434765919" → "943 476 5919", the way NHS numbers are shown. */
export function formatNhsNumber(digits: string): string {
  return digits.length === 10 ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` : digits;
}
