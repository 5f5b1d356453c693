/** HTTP (no sign-in): the published suggestions, their replies and evaluations, and the headline numbers. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';

export function publicSuggestionRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  void ctx;
  return async () => {};
}
