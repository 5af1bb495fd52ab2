/**
 * `fields` and a property `name` made by `make` when it is first read, then kept as a plain
 * property of the object. The getter lives on the object's prototype, so keeping the value adds
 * an own property (V8 keeps the object in its fast mode) instead of redefining one, which would
 * turn the object into a dictionary: every later read of any of its properties, in the hot loops
 * too, would pay for a lookup.
 */
export function withLazy<T extends object, K extends keyof T>(
  fields: Omit<T, K>,
  name: K,
  make: () => T[K],
): T {
  const prototype = {};
  Object.defineProperty(prototype, name, {
    get(this: T) {
      const value = make();
      Object.defineProperty(this, name, {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
      });
      return value;
    },
  });
  return Object.assign(Object.create(prototype) as T, fields);
}
