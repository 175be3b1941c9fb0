// The dependency tools (madge, dependency-cruiser) read TypeScript through the compiler API of
// TypeScript 5; the project builds with TypeScript 7, which has none. Preloaded with --import, this
// hook lets only those tools' `typescript` resolve to the typescript5 alias (a dev dependency).
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, next) {
    if (specifier === 'typescript' || specifier.startsWith('typescript/')) {
      return next(specifier.replace(/^typescript/, 'typescript5'), context);
    }
    return next(specifier, context);
  },
});
