/**
 * Where the law starts a warranty on the day of delivery or installation when that is later than the
 * purchase: California's Song-Beverly Act (Civil Code 1793.1 and 1795.6) does, for goods delivered or
 * installed after the sale. Answers the law's name, or null.
 */
export function deliveryStartLaw(country: string | null, postalCode: string | null): string | null {
  if (country === 'US' && postalCode !== null && isCaliforniaZip(postalCode)) return 'California Civil Code 1795.6';
  return null;
}

// ZIP codes 900xx to 961xx are California's (962 to 966 are overseas military post).
function isCaliforniaZip(postalCode: string): boolean {
  const zip = /^(\d{3})\d{2}(?:-\d{4})?$/.exec(postalCode.trim());
  if (!zip) return false;
  const prefix = Number(zip[1]);
  return prefix >= 900 && prefix <= 961;
}
