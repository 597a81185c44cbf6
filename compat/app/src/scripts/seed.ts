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
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows";

/**
 * The smallest store a checkout needs: a Hong Kong region paying through QFPay, a shipping option, one product and a
 * publishable key. Writes what the harness needs to $SEED_OUTPUT.
 */
export default async function seedCompatStore({ container }: ExecArgs): Promise<void> {
  const link = container.resolve(ContainerRegistrationKeys.LINK);
  const fulfillment = container.resolve(Modules.FULFILLMENT);

  const { result: channels } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: "Compat sales channel" }] },
  });
  const channel = channels[0]!;

  const { result: regions } = await createRegionsWorkflow(container).run({
    input: { regions: [{ name: "Hong Kong", currency_code: "hkd", countries: ["hk"], payment_providers: ["pp_qfpay_qfpay"] }] },
  });

  const { result: locations } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: "Compat warehouse", address: { city: "Hong Kong", country_code: "HK", address_1: "" } }] },
  });
  const location = locations[0]!;
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  });
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: [channel.id] } });

  let [profile] = await fulfillment.listShippingProfiles({ type: "default" });
  if (!profile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
    });
    profile = result[0]!;
  }
  const fulfillmentSet = await fulfillment.createFulfillmentSets({
    name: "Compat delivery",
    type: "shipping",
    service_zones: [{ name: "Hong Kong", geo_zones: [{ country_code: "hk", type: "country" }] }],
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
        shipping_profile_id: profile.id,
        type: { label: "Standard", description: "Two days.", code: "standard" },
        prices: [{ currency_code: "hkd", amount: 20 }],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  });

  const { result: products } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: "Jasmine Tea Tin",
          handle: "jasmine-tea",
          status: ProductStatus.PUBLISHED,
          shipping_profile_id: profile.id,
          options: [{ title: "Edition", values: ["Standard"] }],
          variants: [
            {
              title: "Standard",
              sku: "JASMINE-TEA",
              manage_inventory: false,
              options: { Edition: "Standard" },
              prices: [{ currency_code: "hkd", amount: 88.5 }],
            },
          ],
          sales_channels: [{ id: channel.id }],
        },
      ],
    },
  });

  const { result: keys } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Compat storefront", type: "publishable", created_by: "" }] },
  });
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: keys[0]!.id, add: [channel.id] } });

  const seeded = { publishableKey: keys[0]!.token, regionId: regions[0]!.id, variantId: products[0]!.variants[0]!.id };
  writeFileSync(process.env.SEED_OUTPUT!, JSON.stringify(seeded));
}
