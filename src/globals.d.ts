/** The package version, inlined by the build (scripts/build.mjs) and by vitest.config.ts. */
declare const __VERSION__: string;
/** The build's identity (scripts/build.mjs): the version and a hash of the sources; unset under vitest. */
declare const __BUILD_ID__: string | undefined;
