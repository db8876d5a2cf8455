import { z } from 'zod';

export const serviceKinds = ['repair', 'maintenance', 'installation', 'parts', 'warranty_service', 'in_home_service'] as const;
export type ServiceKind = (typeof serviceKinds)[number];

const optionalText = (max: number) => z.string().trim().max(max).nullable().transform((value) => value || null);

const fields = {
  name: z.string().trim().min(1, 'Name the service centre.').max(200),
  addressLine1: z.string().trim().min(1, 'Give the street address.').max(200),
  addressLine2: optionalText(200),
  city: z.string().trim().min(1, 'Give the city.').max(100),
  region: optionalText(100).meta({ description: 'State, province or region.' }),
  postalCode: z.string().trim().min(1, 'Give the postal code.').max(20),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'Use a two-letter country code such as US or CA.'),
  phone: optionalText(40),
  email: z.email('Give an email address such as repairs@example.com.').nullable(),
  url: z.url({ protocol: /^https?$/, error: 'Give a full web address starting with https://.' }).nullable(),
  services: z.array(z.enum(serviceKinds)).max(serviceKinds.length).refine((list) => new Set(list).size === list.length, 'A service is listed twice.'),
  latitude: z.number().min(-90).max(90).nullable().meta({ description: 'Left out (with longitude), it is found from the postal code (US and Canada).' }),
  longitude: z.number().min(-180).max(180).nullable(),
  active: z.boolean().meta({ description: 'Inactive centres are kept but not shown to owners.' }),
};

const bothOrNeither = (centre: { latitude?: number | null; longitude?: number | null }) => (centre.latitude == null) === (centre.longitude == null);
const coordinatesMessage = { message: 'Give both latitude and longitude, or neither to have them found from the postal code.', path: ['longitude'] };

export const createServiceCentreBody = z
  .strictObject({
    ...fields,
    addressLine2: fields.addressLine2.default(null),
    region: fields.region.default(null),
    phone: fields.phone.default(null),
    email: fields.email.default(null),
    url: fields.url.default(null),
    services: fields.services.default(['repair']),
    latitude: fields.latitude.default(null),
    longitude: fields.longitude.default(null),
    active: fields.active.default(true),
  })
  .refine(bothOrNeither, coordinatesMessage);
export type CreateServiceCentre = z.output<typeof createServiceCentreBody>;

export const updateServiceCentreBody = z.strictObject(fields).partial().refine(bothOrNeither, coordinatesMessage);
export type UpdateServiceCentre = z.output<typeof updateServiceCentreBody>;

export const serviceCentreView = z.object({
  id: z.uuid(),
  name: z.string(),
  addressLine1: z.string(),
  addressLine2: z.string().nullable(),
  city: z.string(),
  region: z.string().nullable(),
  postalCode: z.string(),
  country: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  url: z.string().nullable(),
  services: z.array(z.enum(serviceKinds)),
  latitude: z.number(),
  longitude: z.number(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: 'ServiceCentre' });
export type ServiceCentreView = z.output<typeof serviceCentreView>;
