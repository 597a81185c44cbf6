import en from "./en.js";
import type { Messages } from "./messages.js";

export type { Messages, ErrorCode, ConfigErrorCode } from "./messages.js";
export { en };

export const LOCALES = ["en", "zh-hk", "zh-cn", "ja", "th"] as const;
export type LocaleId = (typeof LOCALES)[number];

/** Each language but English is its own chunk, fetched only when chosen. */
const LOADERS: Readonly<Record<LocaleId, () => Promise<{ default: Messages }>>> = {
  en: () => Promise.resolve({ default: en }),
  "zh-hk": () => import("./zh-hk.js"),
  "zh-cn": () => import("./zh-cn.js"),
  ja: () => import("./ja.js"),
  th: () => import("./th.js"),
};

/** Language tags (BCP 47) to our languages, first match wins: Traditional Chinese regions before the rest of Chinese. */
const TAG_TO_LOCALE: ReadonlyArray<readonly [RegExp, LocaleId]> = [
  [/^zh-(hant|hk|mo|tw)\b/, "zh-hk"],
  [/^zh\b/, "zh-cn"],
  [/^ja\b/, "ja"],
  [/^th\b/, "th"],
];

/** Maps a language tag such as "zh-Hant-HK", "ja-JP" or "th" to one of our languages (English if none fits). */
export function resolveLocale(tag: string | null | undefined): LocaleId {
  const wanted = (tag ?? "").trim().toLowerCase().replace(/_/g, "-");
  return TAG_TO_LOCALE.find(([pattern]) => pattern.test(wanted))?.[1] ?? "en";
}

export async function loadMessages(locale: LocaleId): Promise<Messages> {
  return (await LOADERS[locale]()).default;
}
