/** Chinese phone numbers: normalising what people type, validating, and masking for display. */

/**
 * Normalise a phone number as typed: full-width digits, spaces, dashes, a +86/0086 prefix.
 * Returns null when what remains is not a mainland mobile (1xxxxxxxxxx) or a landline with area code.
 */
export function normalizePhone(input: string): string | null {
  const halfWidth = input.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  let digits = halfWidth.replace(/[\s\-()（）]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  if (/^1[3-9]\d{9}$/.test(digits)) return digits;
  if (/^0\d{9,11}$/.test(digits)) return digits;
  return null;
}

/** 13812341234 → 138****1234; a landline keeps its area code and last four digits. */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '*'.repeat(phone.length);
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  const visibleHead = phone.startsWith('01') || phone.startsWith('02') ? 3 : 4;
  return phone.slice(0, visibleHead) + '*'.repeat(phone.length - visibleHead - 4) + phone.slice(-4);
}
