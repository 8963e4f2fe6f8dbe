// Paraglide's compiler options, shared by the Vite plugin (vite.config.ts) and `npm run i18n:compile`
// (which runs at install, before Vite), so both write the same runtime.
/** @type {{ project: string; outdir: string; strategy: ('url' | 'baseLocale')[]; trailingSlash: 'never' }} */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	strategy: ['url', 'baseLocale'],
	// `/en` rather than `/en/`: SvelteKit would answer `/en/` with a 308 to `/en` on every home link.
	trailingSlash: 'never'
};
