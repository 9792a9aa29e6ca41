// The operator's site: its name, tagline, offer and currency (SITE_NAME, SITE_TAGLINE, SITE_OFFER,
// CURRENCY). A process serves one site, so the identity is set once at start from the configuration
// (createContext, buildServer) and read by the page shell, the manifest, feeds and mail.

export interface Site {
  name: string;
  tagline: string;
  /** The pitch in the footer and the paywall, after the site's name; true of any install unless the operator says more. */
  offer: string;
  /** ISO 4217 code: the default for new plans, and shown beside prices. */
  currency: string;
  trialDays: number;
}

export const DEFAULT_SITE: Site = {
  name: 'Masthead',
  tagline: 'All your news in one place.',
  offer:
    "brings its publishers' journalism together in one clean, ad-free reader: one app, one membership, every publisher paid for the reads its journalism gets",
  currency: 'EUR',
  trialDays: 14,
};

let current: Site = DEFAULT_SITE;

/** Called at start with the configured identity. */
export function setSite(site: Site): void {
  current = site;
}

export function site(): Site {
  return current;
}
