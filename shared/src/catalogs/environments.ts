export interface Environment {
  /** e.g. "sandbox", "hk-test", "hk-prod". */
  id: string;
  /** The reference's environment name. */
  name: string;
  kind: "test" | "production";
  baseUrl: string;
}

type Row = [region: string, name: string, testUrl: string | null, prodUrl: string | null];

/** The reference's API Environments table. Japan lists a single URL there, the production one. */
const ROWS: readonly Row[] = [
  ["cn", "China Mainland", "https://test-openapi.qfpay.com", "https://openapi.qfpay.com"],
  ["hk", "Hong Kong", "https://test-openapi-hk.qfapi.com", "https://openapi-hk.qfapi.com"],
  ["jp", "Japan", null, "https://openapi-jp.qfapi.com"],
  ["th", "Thailand", "https://test-openapi-th.qfapi.com", "https://openapi-th.qfapi.com"],
  ["ae", "Dubai", "https://test-openapi-db.qfapi.com", "https://openapi-db.qfapi.com"],
  ["sg", "Singapore", "https://test-openapi-sg.qfapi.com", "https://openapi-sg.qfapi.com"],
  ["id", "Indonesia", "https://test-openapi-id.qfapi.com", "https://openapi-id.qfapi.com"],
  ["eu", "Europe", "https://test-openapi-eur.qfapi.com", "https://openapi-eur.qfapi.com"],
];

const SANDBOX: Environment = { id: "sandbox", name: "Sandbox", kind: "test", baseUrl: "https://openapi-test.qfpay.com" };

/**
 * The two environments of japan-business-api.txt ("QFPay provides two environment"): its test URL is Japan's
 * only test environment; its production URL predates the reference's `jp-prod`, for merchants set up on it.
 */
const JAPAN_BUSINESS_API: readonly Environment[] = [
  { id: "jp-test", name: "Japan (Japan business API)", kind: "test", baseUrl: "https://openapi-test.qfpay.com" },
  { id: "jp-business-prod", name: "Japan (Japan business API)", kind: "production", baseUrl: "https://openapi.qfpay.com" },
];

export const ENVIRONMENTS: readonly Environment[] = Object.freeze(
  [
    SANDBOX,
    ...ROWS.flatMap(([region, name, testUrl, prodUrl]): Environment[] => [
      ...(testUrl ? [{ id: `${region}-test`, name, kind: "test" as const, baseUrl: testUrl }] : []),
      ...(prodUrl ? [{ id: `${region}-prod`, name, kind: "production" as const, baseUrl: prodUrl }] : []),
    ]),
    ...JAPAN_BUSINESS_API,
  ].map((environment) => Object.freeze(environment)),
);

const BY_ID: ReadonlyMap<string, Environment> = new Map(ENVIRONMENTS.map((environment) => [environment.id, environment]));

export class UnknownEnvironmentError extends Error {
  override readonly name = "UnknownEnvironmentError";
  constructor(readonly environment: string) {
    super(`"${environment}" is neither an http(s) URL nor a QFPay environment (known: ${ENVIRONMENTS.map((e) => e.id).join(", ")})`);
  }
}

export function findEnvironment(id: string): Environment | undefined {
  return BY_ID.get(id.trim().toLowerCase());
}

/** Base URL (no trailing slash) for an environment id such as "hk-prod", or an explicit http(s) URL. */
export function resolveBaseUrl(environmentIdOrUrl: string): string {
  const text = environmentIdOrUrl.trim();
  if (/^https?:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new UnknownEnvironmentError(environmentIdOrUrl);
    }
    return url.toString().replace(/\/+$/, "");
  }
  const environment = findEnvironment(text);
  if (!environment) throw new UnknownEnvironmentError(environmentIdOrUrl);
  return environment.baseUrl;
}
