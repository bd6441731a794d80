import type { Express, RequestHandler } from 'express';
import type { Role } from '#server/db/schema/index.js';

export interface RegisteredRoute {
  method: string;
  path: string;
  /** Roles named by the route's own guards, in order. */
  roles: Role[];
  /** Position of the first role guard among the route's handlers (-1 when there is none). */
  guardAt: number;
}

interface Layer {
  rawPath?: string | RegExp | Array<string | RegExp>;
  route?: { path: string; methods: Record<string, boolean>; stack: Array<{ handle: RequestHandler }> };
  handle: RequestHandler & { stack?: Layer[] };
}

/** Every route registered on the app, found by walking Express's router stack (nested routers included). */
export function registeredRoutes(app: Express): RegisteredRoute[] {
  const out: RegisteredRoute[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const handles = layer.route.stack.map((s) => s.handle as RequestHandler & { role?: Role });
        const roles = handles.flatMap((h) => (h.role ? [h.role] : []));
        for (const method of Object.keys(layer.route.methods))
          out.push({
            method: method.toUpperCase(),
            path: prefix + layer.route.path,
            roles,
            guardAt: handles.findIndex((h) => h.role),
          });
      } else if (layer.handle.stack) {
        const raw = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
        walk(layer.handle.stack, prefix + raw);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return out;
}
