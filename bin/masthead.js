#!/usr/bin/env node
// The `masthead` command. Sources are TypeScript run through tsx's loader,
// so there is no build step between a checkout and a running install.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
await main(process.argv.slice(2));
