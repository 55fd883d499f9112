import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';

// @nestjs/swagger's metadata keys (its DECORATORS constants, not exported from the package root).
const MODEL_PROPERTIES_ARRAY = 'swagger/apiModelPropertiesArray';
const MODEL_PROPERTIES = 'swagger/apiModelProperties';
const API_RESPONSE = 'swagger/apiResponse';
const SCALARS = new Set<unknown>([String, Number, Boolean, Object, Array, Date]);

/**
 * Schema names shared by classes of different shapes, among the models the controllers' responses,
 * bodies and queries reach. Swagger names a schema after its class and keeps one class per name, so
 * every operation of the others is silently documented with the wrong schema (issue #11: the project
 * timeline was documented with the practice event types).
 */
export function collidingModelNames(app: INestApplication): string[] {
  const shapes = new Map<string, Set<string>>();
  const seen = new Set<unknown>();

  const visit = (candidate: unknown): void => {
    // `type: () => X` (lazy) is an arrow function: no prototype, unlike a class.
    let type = typeof candidate === 'function' && !candidate.prototype ? (candidate as () => unknown)() : candidate;
    if (Array.isArray(type)) type = type[0];
    if (typeof type !== 'function' || SCALARS.has(type) || seen.has(type)) return;
    seen.add(type);
    const keys: string[] = (Reflect.getMetadata(MODEL_PROPERTIES_ARRAY, type.prototype) ?? []).map((key: string) => key.slice(1));
    if (keys.length === 0) return;
    const properties = keys.map((key) => [key, Reflect.getMetadata(MODEL_PROPERTIES, type.prototype, key) ?? {}] as const);
    const shape = JSON.stringify(properties, (_key, value) => (typeof value === 'function' ? `class ${value.name}` : value));
    const known = shapes.get(type.name) ?? new Set<string>();
    shapes.set(type.name, known.add(shape));
    for (const [, meta] of properties) visit(meta.type);
  };

  for (const module of app.get(ModulesContainer).values())
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as { prototype: Record<string, unknown> } | undefined;
      if (!controller?.prototype) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        for (const response of Object.values<{ type?: unknown }>(Reflect.getMetadata(API_RESPONSE, handler) ?? {})) visit(response.type);
        for (const param of Reflect.getMetadata('design:paramtypes', controller.prototype, name) ?? []) visit(param);
      }
    }
  return [...shapes].filter(([, variants]) => variants.size > 1).map(([name, variants]) => `${name}: ${variants.size} classes of different shapes`);
}
