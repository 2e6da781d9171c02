/// <reference types="astro/client" />

declare module 'virtual:plexus/config' {
  const config: import('./site/plexus.ts').SiteConfig;
  export default config;
}
