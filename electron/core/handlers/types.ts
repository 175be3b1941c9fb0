import type { CoreMethodName, MethodOutput, MethodParsedInput } from '../../../shared/contract/index.js';
import type { CoreContext } from '../context.js';
import type { CoreServices } from '../services.js';

/** What a handler receives: the core's repositories and, built once beside them, its services. */
export type HandlerContext = CoreContext & { readonly services: CoreServices };

export type Handler<M extends CoreMethodName> = (
  input: MethodParsedInput<M>,
  ctx: HandlerContext,
) => Promise<MethodOutput<M>>;
export type HandlersFor<Ms extends CoreMethodName> = { [M in Ms]: Handler<M> };
export type HandlerTable = HandlersFor<CoreMethodName>;
