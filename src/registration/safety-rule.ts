/**
 * Registration rules that hold a product's registration data to safety use only. Today one: the US
 * CPSC rule for durable infant or toddler products (16 CFR 1130), whose purpose statement the form
 * must show (16 CFR 1130.6(c)(1)) and whose contact fields it names (name, address, phone, email).
 */
export interface SafetyRule {
  readonly id: '16-cfr-1130';
  readonly citation: string;
  readonly purposeTitle: string;
  readonly purpose: string;
}

const cpscInfantProducts: SafetyRule = {
  id: '16-cfr-1130',
  citation: '16 CFR 1130',
  purposeTitle: 'PRODUCT REGISTRATION FOR SAFETY ALERT OR RECALL ONLY',
  purpose:
    'We will use the information provided here to contact you only if there is a safety alert or recall for this product. We will not sell, rent, or share your personal information.',
};

// The product kinds 16 CFR 1130.2 lists, as brands name their categories.
const infantProductWords = [
  'infant durable', 'durable infant', 'toddler product', 'crib', 'toddler bed', 'high chair', 'booster seat', 'hook-on chair',
  'bath seat', 'baby gate', 'safety gate', 'play yard', 'stationary activity', 'infant carrier', 'stroller', 'walker',
  'swing', 'bassinet', 'cradle', 'changing table', 'infant bouncer', 'bouncer', 'bedside sleeper', 'sling', 'baby carrier',
  'infant sleep', 'nursing pillow', 'infant seat',
];

/** The safety rule a model's category falls under, or null. Matching ignores case and plurals. */
export function safetyRuleFor(category: string): SafetyRule | null {
  const name = category.toLowerCase().replace(/\s+/g, ' ');
  return infantProductWords.some((word) => name.includes(word)) ? cpscInfantProducts : null;
}
