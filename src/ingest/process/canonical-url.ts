// Canonical article URLs: absolute, lower-case scheme and host, no default
// port, no fragment, and none of the tracking parameters that make one
// article look like many.

const TRACKING = /^(utm_[a-z_]+|fbclid|gclid|gclsrc|dclid|msclkid|mc_cid|mc_eid|igshid|_hsenc|_hsmi|hsctatracking|ref_src|ref_url|yclid|spm|scid|s_cid|cmpid|ncid|ocid|sr_share|wt\.mc_id|wt_mc_id|mkt_tok|oly_anon_id|oly_enc_id|vero_id|rb_clickid|__twitter_impression|at_medium|at_campaign|feature|xtor)$/i;

export function isTrackingParam(name: string): boolean {
  return TRACKING.test(name);
}

export function canonicalUrl(raw: string | undefined, base?: string): string | undefined {
  const s = raw?.trim();
  if (!s) return undefined;
  let u: URL;
  try {
    u = new URL(s, base);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  u.hash = '';
  u.username = '';
  u.password = '';
  const keep = [...u.searchParams.entries()].filter(([k]) => !isTrackingParam(k));
  if (keep.length !== [...u.searchParams.keys()].length) {
    u.search = keep.length ? `?${new URLSearchParams(keep).toString()}` : '';
  }
  return u.href;
}
