// A brand's repair and service locations, as /api/v1/service-centres serves them.

export const serviceKinds = ['repair', 'maintenance', 'installation', 'parts', 'warranty_service', 'in_home_service'] as const;
export type ServiceKind = (typeof serviceKinds)[number];

export const serviceLabels: Record<ServiceKind, string> = {
  repair: 'Repairs',
  maintenance: 'Maintenance',
  installation: 'Installation',
  parts: 'Parts',
  warranty_service: 'Warranty service',
  in_home_service: 'Home visits',
};

export interface ServiceCentreInput {
  name: string;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
  phone: string | null;
  email: string | null;
  url: string | null;
  services: ServiceKind[];
  latitude: number | null;
  longitude: number | null;
  active: boolean;
}

export interface ServiceCentre extends ServiceCentreInput {
  id: string;
  latitude: number;
  longitude: number;
  createdAt: string;
  updatedAt: string;
}
