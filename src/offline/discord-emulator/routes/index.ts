// Every REST route the emulator serves, in one place.
import type { EmuContext } from '../context.js';
import type { Gateway } from '../gateway.js';
import type { InteractionTracker } from '../interaction-tracker.js';
import type { Router } from '../router.js';
import { registerChannelRoutes } from './channels.js';
import { registerCommandRoutes } from './commands.js';
import { registerDmRoutes } from './dms.js';
import { registerInteractionRoutes } from './interactions.js';
import { registerMessageRoutes } from './messages.js';
import { registerMetaRoutes } from './meta.js';
import { registerReactionRoutes } from './reactions.js';
import { registerThreadRoutes } from './threads.js';
import { registerWebhookRoutes } from './webhooks.js';

export function registerAllRoutes(router: Router, ctx: EmuContext, gateway: Gateway, tracker: InteractionTracker): void {
  registerMetaRoutes(router, ctx, gateway);
  registerCommandRoutes(router, ctx);
  registerChannelRoutes(router, ctx);
  registerMessageRoutes(router, ctx);
  registerReactionRoutes(router, ctx);
  registerThreadRoutes(router, ctx);
  registerWebhookRoutes(router, ctx, tracker);
  registerInteractionRoutes(router, ctx, tracker);
  registerDmRoutes(router, ctx);
}
