// Human wording and colours for the registration enums.
import { registrationSources, type ConsentSource, type IdentifiedBy, type OwnershipStatus, type RegistrationSource } from '../../types';

export const sourceLabels: Record<RegistrationSource, string> = {
  qr: 'QR code scan',
  web: 'Web form',
  api: 'API',
  import: 'Import',
  console: 'Console',
};

export const identifiedByLabels: Record<IdentifiedBy, string> = {
  qr: 'QR code',
  barcode: 'Barcode',
  photo: 'Label photo',
  typed: 'Typed in',
};

export const ownershipStatusColors: Record<OwnershipStatus, string> = {
  active: 'green',
  transferred: 'gray',
  retired: 'gray',
};

export const consentSourceLabels: Record<ConsentSource, string> = {
  registration_page: 'Registration page',
  owner_page: 'Owner page',
  api: 'API',
  import: 'Import',
  console: 'Console',
  preference_centre: 'Preference centre',
  unsubscribe_link: 'Unsubscribe link',
  sms_keyword: 'SMS keyword',
};

export const sourceOptions = registrationSources.map((value) => ({ value, label: sourceLabels[value] }));
