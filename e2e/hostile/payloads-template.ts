// The template language of the hostile-content corpus (payloads.ts), shared
// by the curated families (payloads-core*.ts) and the generated combinations
// (payloads-generated.ts): `{N}` is the payload's id, `{A}` and `{C}` a dialog
// call with it, `@B64…` base64-encoded script that carries the id in a
// fragment; expand() fills them in.

/** `{N}` is the id, `{A}` a plain dialog call with it. */
export type Tpl = string | { t: string; runs?: boolean; url?: boolean };

/** Hosts our sanitiser lets iframes point at (src/ingest/process/sanitize.ts VIDEO_HOSTS), as an attacker would pick them. */
export const VIDEO_EMBEDS = [
  'https://www.youtube.com/embed/dQw4w9WgXcQ',
  'https://www.youtube-nocookie.com/embed/x1',
  'https://player.vimeo.com/video/1',
  'https://www.dailymotion.com/embed/video/x1',
  'https://geo.dailymotion.com/player.html?video=x1',
];

function b64(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64');
}

export function expand(tpl: string, id: number, call?: string): string {
  const c = (call ?? 'alert({N})').replace(/\{N\}/g, String(id));
  return (
    tpl
      // Base64 hides the id: a fragment (ignored by the data: URL) carries it in clear.
      .replace(/@B64HTML/g, () => `${b64(`<script>alert(${id})</script>`)}#${id}`)
      .replace(/@B64SVG/g, () => `${b64(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(${id})"/>`)}#${id}`)
      .replace(/@B64C/g, () => `${b64(`<script>${c}</script>`)}#${id}`)
      .replace(/@B64/g, () => `${b64(`alert(${id})`)}#${id}`)
      .replace(/\{A\}/g, () => c)
      .replace(/\{C\}/g, () => c)
      .replace(/\{N\}/g, String(id))
  );
}
