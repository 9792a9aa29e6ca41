/** The release, as package.json says it (checked in a test). */
export const VERSION = '0.1.0';
