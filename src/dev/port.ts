/** The dev server's port when none is given (`--port`, the `port` option). */
export const DEFAULT_PORT = 4173;
