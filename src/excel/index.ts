export * from "./puerto";
export * from "./direcciones";
export * from "./deshacer";
export { LibroMemoria, PuertoMemoria } from "./memoria";
export type { CeldaMemoria, HojaMemoria, ExtrasHoja } from "./memoria";
