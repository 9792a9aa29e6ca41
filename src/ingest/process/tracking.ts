// Images that are not pictures: tracking pixels and beacons. Used by the
// sanitiser (drop them from bodies) and the lead-image chooser (never pick one).

const TRACKER_HOSTS =
  /(^|\.)(feeds\.feedburner\.com|feedproxy\.google\.com|pixel\.wp\.com|stats\.wp\.com|doubleclick\.net|google-analytics\.com|googletagmanager\.com|scorecardresearch\.com|quantserve\.com|sb\.scorecardresearch\.com|pixel\.|analytics\.|stats\.|beacon\.|tracking\.|track\.|counter\.|metrics\.)/i;
const TRACKER_PATHS =
  /\/(pixel|beacon|track|tracker|spacer|blank|1x1|transparent)\.(gif|png)$|feedburner\.com\/~r\/|feedproxy\.google\.com\/~r\/|facebook\.com\/tr\b/i;

/** True for a 1×1 (or 2×2) image or one served by a known tracker; `src` must be absolute. */
export function isTrackingImage(src: string, width?: number | string, height?: number | string): boolean {
  const w = Number(width);
  const h = Number(height);
  if ((w > 0 && w <= 2) || (h > 0 && h <= 2)) return true;
  let u: URL;
  try {
    u = new URL(src);
  } catch {
    return true;
  }
  return TRACKER_HOSTS.test(u.hostname) || TRACKER_PATHS.test(u.hostname + u.pathname);
}
