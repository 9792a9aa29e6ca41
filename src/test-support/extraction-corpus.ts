// Loads the article-extraction benchmark (tests and benchmarks only; the app never reads it).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { CORPORA } from './corpora.ts';

export const EXTRACTION_CORPUS = path.join(CORPORA, 'article-extraction-benchmark');

export interface ExtractionPage {
  id: string;
  url: string;
  html: string;
  truth: string;
}

export function loadExtractionCorpus(dir = EXTRACTION_CORPUS): ExtractionPage[] {
  const truth = JSON.parse(fs.readFileSync(path.join(dir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string; url: string }
  >;
  return Object.entries(truth).map(([id, t]) => ({
    id,
    url: t.url,
    truth: t.articleBody,
    html: zlib.gunzipSync(fs.readFileSync(path.join(dir, 'html', `${id}.html.gz`))).toString('utf8'),
  }));
}

export function loadBaseline(name: string, dir = EXTRACTION_CORPUS): Record<string, string> {
  const raw = JSON.parse(fs.readFileSync(path.join(dir, 'baseline-output', `${name}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
  const out = (raw.output ?? raw) as Record<string, { articleBody?: string }>;
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v?.articleBody ?? '']));
}
