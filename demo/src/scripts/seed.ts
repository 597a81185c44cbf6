import { writeFileSync } from "node:fs";
import type { ExecArgs } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils";
import {
  createApiKeysWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  createUsersWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows";
import { SEED_API_KEY_TITLE, SEED_PRODUCTS, SEED_REGIONS, SEED_SALES_CHANNEL, SEED_STOCK_LOCATION } from "./seed-catalog";

/** What the launcher needs back from the seed (written to $SEED_OUTPUT as JSON). */
export type SeedResult = {
  publishableKey: string;
  regions: { id: string; name: string; currency_code: string }[];
  adminEmail: string;
};

const QFPAY_PROVIDER_ID = "pp_qfpay_qfpay";

/**
 * Seeds the demo store once: regions (HKD and SGD) paying through QFPay, a stock location with
 * shipping, products with prices, a publishable key and an admin user. Safe to run again: it
 * finds what exists and only reports it.
 */
export default async function seedDemo({ container }: ExecArgs): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const link = container.resolve(ContainerRegistrationKeys.LINK);
  const regionService = container.resolve(Modules.REGION);
  const salesChannelService = container.resolve(Modules.SALES_CHANNEL);
  const storeService = container.resolve(Modules.STORE);
  const fulfillmentService = container.resolve(Modules.FULFILLMENT);
  const apiKeyService = container.resolve(Modules.API_KEY);
  const userService = container.resolve(Modules.USER);
  const authService = container.resolve(Modules.AUTH);

  const adminEmail = process.env.ADMIN_EMAIL ?? "admin@qfpay-demo.local";
  const adminPassword = process.env.ADMIN_PASSWORD;
  if (!adminPassword) throw new Error("seed: ADMIN_PASSWORD must be set");
  const paymentProviders = process.env.QFPAY_APP_CODE ? [QFPAY_PROVIDER_ID] : ["pp_system_default"];

  const existing = await regionService.listRegions({ name: { $in: SEED_REGIONS.map((r) => r.name) } });
  if (existing.length === 0) {
    logger.info("seed: creating the demo store");

    let [salesChannel] = await salesChannelService.listSalesChannels({ name: SEED_SALES_CHANNEL });
    if (!salesChannel) {
      const { result } = await createSalesChannelsWorkflow(container).run({
        input: { salesChannelsData: [{ name: SEED_SALES_CHANNEL }] },
      });
      salesChannel = result[0]!;
    }

    const { result: regions } = await createRegionsWorkflow(container).run({
      input: {
        regions: SEED_REGIONS.map((r) => ({
          name: r.name,
          currency_code: r.currency_code,
          countries: r.countries,
          payment_providers: paymentProviders,
        })),
      },
    });

    const [store] = await storeService.listStores();
    if (store) {
      await updateStoresWorkflow(container).run({
        input: {
          selector: { id: store.id },
          update: {
            name: "QFPay demo store",
            supported_currencies: SEED_REGIONS.map((r, i) => ({
              currency_code: r.currency_code,
              is_default: i === 0,
            })),
            default_sales_channel_id: salesChannel.id,
            default_region_id: regions[0]!.id,
          },
        },
      });
    }

    await createTaxRegionsWorkflow(container).run({
      input: SEED_REGIONS.flatMap((r) => r.countries.map((country_code) => ({ country_code, provider_id: "tp_system" }))),
    });

    const { result: locations } = await createStockLocationsWorkflow(container).run({
      input: { locations: [{ name: SEED_STOCK_LOCATION, address: { city: "Hong Kong", country_code: "HK", address_1: "" } }] },
    });
    const location = locations[0]!;
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
    });
    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: location.id, add: [salesChannel.id] },
    });

    let [shippingProfile] = await fulfillmentService.listShippingProfiles({ type: "default" });
    if (!shippingProfile) {
      const { result } = await createShippingProfilesWorkflow(container).run({
        input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
      });
      shippingProfile = result[0]!;
    }

    const fulfillmentSet = await fulfillmentService.createFulfillmentSets({
      name: "Delivery from Kowloon",
      type: "shipping",
      service_zones: [
        {
          name: "Hong Kong and Singapore",
          geo_zones: SEED_REGIONS.flatMap((r) => r.countries.map((country_code) => ({ country_code, type: "country" as const }))),
        },
      ],
    });
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
    });

    await createShippingOptionsWorkflow(container).run({
      input: [
        {
          name: "Standard delivery",
          price_type: "flat",
          provider_id: "manual_manual",
          service_zone_id: fulfillmentSet.service_zones[0]!.id,
          shipping_profile_id: shippingProfile.id,
          type: { label: "Standard", description: "Two to three days.", code: "standard" },
          prices: SEED_REGIONS.map((r) => ({ currency_code: r.currency_code, amount: r.shipping_amount })),
          rules: [
            { attribute: "enabled_in_store", value: "true", operator: "eq" },
            { attribute: "is_return", value: "false", operator: "eq" },
          ],
        },
      ],
    });

    await createProductsWorkflow(container).run({
      input: {
        products: SEED_PRODUCTS.map((p) => ({
          title: p.title,
          handle: p.handle,
          description: p.description,
          status: ProductStatus.PUBLISHED,
          shipping_profile_id: shippingProfile!.id,
          options: [{ title: "Edition", values: ["Standard"] }],
          variants: [
            {
              title: "Standard",
              sku: p.handle.toUpperCase(),
              manage_inventory: false,
              options: { Edition: "Standard" },
              prices: Object.entries(p.prices).map(([currency_code, amount]) => ({ currency_code, amount })),
            },
          ],
          sales_channels: [{ id: salesChannel!.id }],
        })),
      },
    });

    const { result: keys } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: SEED_API_KEY_TITLE, type: "publishable", created_by: "" }] },
    });
    await linkSalesChannelsToApiKeyWorkflow(container).run({
      input: { id: keys[0]!.id, add: [salesChannel.id] },
    });
  }

  const [user] = await userService.listUsers({ email: adminEmail });
  if (!user) {
    logger.info(`seed: creating the admin user ${adminEmail}`);
    const { result: users } = await createUsersWorkflow(container).run({ input: { users: [{ email: adminEmail }] } });
    const { authIdentity, error } = await authService.register("emailpass", {
      body: { email: adminEmail, password: adminPassword },
    });
    if (error || !authIdentity) throw new Error(`seed: could not register the admin: ${error}`);
    await authService.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: users[0]!.id } });
  }

  const [key] = await apiKeyService.listApiKeys({ title: SEED_API_KEY_TITLE, type: "publishable" });
  const { data: regions } = await query.graph({
    entity: "region",
    fields: ["id", "name", "currency_code"],
    filters: { name: SEED_REGIONS.map((r) => r.name) },
  });
  if (!key) throw new Error("seed: the publishable key is missing");
  const result: SeedResult = {
    publishableKey: key.token,
    regions: regions.map((r) => ({ id: r.id, name: r.name, currency_code: r.currency_code })),
    adminEmail,
  };
  if (process.env.SEED_OUTPUT) writeFileSync(process.env.SEED_OUTPUT, JSON.stringify(result, null, 2));
  logger.info("seed: done");
}
