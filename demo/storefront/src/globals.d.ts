/** Injected by the launcher through Vite's `define` (launcher/storefront.ts). */
declare const __MEDUSA_URL__: string;
declare const __PUBLISHABLE_KEY__: string;
declare const __REDIRECT_ORIGINS__: string[];
