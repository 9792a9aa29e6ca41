// Canonical article URLs: absolute (resolved against the item's base or the
// feed URL), http(s) only, lower-case scheme and host, no default port, no
// credentials, no fragment, and none of the tracking parameters that make one
// article look like many. Other parameters are kept exactly as written, in
// their order: we remove, we never re-encode or sort.

const TRACKING =
  /^(utm_[a-z0-9_]+|fbclid|gclid|gclsrc|dclid|wbraid|gbraid|msclkid|mc_cid|mc_eid|igshid|igsh|_hsenc|_hsmi|__hstc|__hssc|__hsfp|hsctatracking|ref_src|ref_url|yclid|spm|scm|scid|s_cid|cmpid|ncid|ocid|sr_share|wt\.mc_id|wt_mc_id|mkt_tok|oly_anon_id|oly_enc_id|vero_id|vero_conv|rb_clickid|__twitter_impression|twclid|ttclid|li_fat_id|at_medium|at_campaign|xtor|_ga|_gl|mbid|cvid|soc_src|soc_trk)$/i;

export function isTrackingParam(name: string): boolean {
  return TRACKING.test(name);
}

/** The query string without tracking parameters; raw segments kept byte for byte. */
export function stripTrackingParams(search: string): string {
  const query = search.replace(/^\?/, '');
  if (!query) return '';
  const keep = query.split('&').filter((seg) => {
    if (!seg) return false;
    const rawName = seg.split('=', 1)[0]!;
    let name = rawName;
    try {
      name = decodeURIComponent(rawName.replace(/\+/g, ' '));
    } catch {
      // a malformed escape: judge the name as written
    }
    return !isTrackingParam(name);
  });
  return keep.length ? `?${keep.join('&')}` : '';
}

/** Canonical form of `raw` resolved against `base`, or undefined when it is not an http(s) URL. */
export function canonicalUrl(raw: string | undefined, base?: string): string | undefined {
  const s = raw?.trim();
  if (!s) return undefined;
  let u: URL;
  try {
    u = new URL(s, base);
  } catch {
    return undefined;
  }
  // URL already lower-cases scheme and host and drops the port when it is the scheme's default.
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  u.hash = '';
  u.username = '';
  u.password = '';
  u.search = stripTrackingParams(u.search);
  return u.href.replace(/\?$/, '');
}
