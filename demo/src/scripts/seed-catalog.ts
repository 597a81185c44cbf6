/**
 * What the demo store sells and where: data only, read by seed.ts.
 * Prices are major units (Medusa's convention); some have cents so the
 * minor-unit conversion is exercised end to end.
 */
export type SeedRegion = {
  name: string;
  currency_code: string;
  countries: string[];
  shipping_amount: number;
};

export type SeedProduct = {
  title: string;
  handle: string;
  description: string;
  /** Price per currency code, major units. */
  prices: Record<string, number>;
};

export const SEED_REGIONS: SeedRegion[] = [
  { name: "Hong Kong", currency_code: "hkd", countries: ["hk"], shipping_amount: 20 },
  { name: "Singapore", currency_code: "sgd", countries: ["sg"], shipping_amount: 4.5 },
];

export const SEED_PRODUCTS: SeedProduct[] = [
  {
    title: "Jasmine Tea Tin",
    handle: "jasmine-tea",
    description: "Hand-rolled jasmine pearls, 100 g.",
    prices: { hkd: 88, sgd: 15.9 },
  },
  {
    title: "Egg Tart Box",
    handle: "egg-tart-box",
    description: "Six Hong Kong style egg tarts.",
    prices: { hkd: 128.5, sgd: 22.4 },
  },
  {
    title: "Star Ferry Print",
    handle: "star-ferry-print",
    description: "A2 print of the Star Ferry at dusk.",
    prices: { hkd: 399.99, sgd: 69 },
  },
];

export const SEED_SALES_CHANNEL = "Default Sales Channel";
export const SEED_API_KEY_TITLE = "QFPay demo storefront";
export const SEED_STOCK_LOCATION = "Kowloon warehouse";
