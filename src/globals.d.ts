/** Defined (true) by the compiled build (scripts/build.mjs); undeclared when run from source. */
declare const __MASTHEAD_COMPILED__: boolean | undefined;
