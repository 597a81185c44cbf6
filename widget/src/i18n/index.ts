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

/** BCP 47 tags (lower case) or prefixes mapped to our languages, checked in order: specific tags first. */
const TAG_TO_LOCALE: ReadonlyArray<readonly [string, LocaleId]> = [
  ["zh-hant", "zh-hk"],
  ["zh-hans", "zh-cn"],
  ["zh-hk", "zh-hk"],
  ["zh-mo", "zh-hk"],
  ["zh-tw", "zh-hk"],
  ["zh-cn", "zh-cn"],
  ["zh-sg", "zh-cn"],
  ["zh", "zh-cn"],
  ["ja", "ja"],
  ["th", "th"],
  ["en", "en"],
];

/** Maps a language tag such as "zh-Hant-HK", "ja-JP" or "th" to one of our languages (English if none fits). */
export function resolveLocale(tag: string | null | undefined): LocaleId {
  const wanted = (tag ?? "").trim().toLowerCase().replace(/_/g, "-");
  for (const [prefix, locale] of TAG_TO_LOCALE) {
    if (wanted === prefix || wanted.startsWith(`${prefix}-`)) return locale;
  }
  return "en";
}

export async function loadMessages(locale: LocaleId): Promise<Messages> {
  return (await LOADERS[locale]()).default;
}
