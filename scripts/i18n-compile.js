// `npm run i18n:compile`: compiles the message catalogs with the same options as the Vite plugin.
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from './paraglide-options.js';

await compile(paraglideOptions);
console.log(`[i18n] compiled ${paraglideOptions.project} into ${paraglideOptions.outdir}`);
