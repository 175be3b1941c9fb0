import type { CoreMethodName, MethodName, MethodOutput, MethodParsedInput } from '../../../shared/contract/index.js';
import type { CoreContext } from '../context.js';

export type Handler<M extends MethodName> = (input: MethodParsedInput<M>, ctx: CoreContext) => Promise<MethodOutput<M>>;
export type HandlersFor<Ms extends MethodName> = { [M in Ms]: Handler<M> };
export type HandlerTable = HandlersFor<CoreMethodName>;
