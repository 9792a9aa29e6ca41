// The curated core of the hostile-content corpus, family by family, in the
// order that numbers the payloads (payloads.ts gives ids from 1 up, core
// first): markup that runs script by itself, then URLs, then text and its
// contexts, then the hostile http(s) URLs for the URL fields.
import { CONTEXT_FAMILIES } from './payloads-core-contexts.ts';
import { MARKUP_FAMILIES } from './payloads-core-markup.ts';
import { URL_CARRIERS, URL_FAMILIES } from './payloads-core-urls.ts';
import type { Tpl } from './payloads-template.ts';

export const CORE: Readonly<Record<string, readonly Tpl[]>> = {
  ...MARKUP_FAMILIES,
  ...URL_FAMILIES,
  ...CONTEXT_FAMILIES,
  'url-carriers': URL_CARRIERS,
};
