// "server-only" throws when imported outside a React Server Components bundle. Unit tests run
// server modules in plain Node, which is a server, so the guard is replaced by this empty module.
export {};
