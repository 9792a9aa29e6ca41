// Publisher pictures on our pages go through our own image endpoint
// (src/images/): views take the links from the page's context (page() in
// shell.tsx provides them) and write a src, a srcset of the widths the slot
// needs and its sizes. Without links a picture is left out, never hot-linked.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ImageLinks } from '../../images/links.ts';
import type { ImageWidth } from '../../images/signing.ts';

export const ImageLinksContext = createContext<ImageLinks | null>(null);

/** How a slot on our pages shows a picture: the widths offered, the fallback and the layout width. */
export interface ImageSlot {
  widths: readonly ImageWidth[];
  fallback: ImageWidth;
  sizes?: string;
}

/** A card in a grid: at most about 340 CSS pixels, the whole column on a phone. */
export const CARD_SLOT: ImageSlot = {
  widths: [320, 640, 960],
  fallback: 640,
  sizes: '(max-width: 600px) calc(100vw - 2rem), 340px',
};
/** The lead picture across the article column (680 CSS pixels). */
export const LEAD_SLOT: ImageSlot = {
  widths: [320, 480, 640, 960, 1280],
  fallback: 960,
  sizes: '(max-width: 712px) calc(100vw - 2rem), 680px',
};
/** A publisher's logo, 2 rem high: one copy wide enough for a long logo at twice the density. */
export const LOGO_SLOT: ImageSlot = { widths: [], fallback: 480 };

/** The src, srcset and sizes for a picture in a slot; null when it cannot be shown. */
export function useImage(url: string | null | undefined, slot: ImageSlot) {
  const links = useContext(ImageLinksContext);
  if (!url || !links) return null;
  const src = links.src(url, slot.fallback);
  if (!src) return null;
  const srcset = slot.widths.length ? links.srcset(url, slot.widths) : '';
  return srcset ? { src, srcset, sizes: slot.sizes } : { src };
}
