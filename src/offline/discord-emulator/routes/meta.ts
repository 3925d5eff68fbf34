// Gateway discovery, the bot's own user and application, and attachment downloads.
import type { EmuContext } from '../context.js';
import { ErrorCode, notFound } from '../errors.js';
import type { Gateway } from '../gateway.js';
import { GATEWAY_PATH } from '../gateway.js';
import type { Router } from '../router.js';
import { userPayload } from '../serializers.js';

export function registerMetaRoutes(router: Router, ctx: EmuContext, gateway: Gateway): void {
  const wsUrl = () => `${ctx.config.baseUrl.replace(/^http/, 'ws')}${GATEWAY_PATH}`;
  router.add('GET', '/gateway', () => ({ status: 200, body: { url: wsUrl() } }), { auth: false });
  router.add('GET', '/gateway/bot', () => {
    const identifies = gateway.log.filter((e) => e.event === 'identify').length;
    return {
      status: 200,
      body: {
        url: wsUrl(),
        shards: ctx.config.shardCount,
        session_start_limit: { total: 1000, remaining: Math.max(0, 1000 - identifies), reset_after: 86_400_000, max_concurrency: ctx.config.maxConcurrency },
      },
      schema: 'gatewayBot',
    };
  });
  router.add('GET', '/users/@me', () => ({
    status: 200,
    body: { ...userPayload(ctx, ctx.config.botUserId), verified: true, mfa_enabled: false, locale: 'en-US' },
    schema: 'userPii',
  }));
  router.add('GET', '/users/{user_id}', (req) => {
    if (!ctx.state.users.has(req.params.user_id!)) throw notFound(ErrorCode.UnknownUser, 'User');
    return { status: 200, body: userPayload(ctx, req.params.user_id!), schema: 'user' };
  });
  const application = () => ({
    status: 200,
    body: {
      id: ctx.config.applicationId,
      name: ctx.config.botUsername,
      icon: null,
      description: '',
      type: null,
      bot_public: false,
      bot_require_code_grant: false,
      verify_key: '0'.repeat(64),
      flags: 1 << 19,
      summary: '',
      team: null,
      bot: userPayload(ctx, ctx.config.botUserId),
      owner: userPayload(ctx, ctx.config.botUserId),
      redirect_uris: [],
      interactions_endpoint_url: null,
      role_connections_verification_url: null,
      approximate_guild_count: ctx.state.guilds.size,
      approximate_user_install_count: 0,
      approximate_user_authorization_count: 0,
      explicit_content_filter: 0,
      flags_new: String(1 << 19),
      eligible_oauth2_scopes: [],
      tags: [],
    },
    schema: 'application' as const,
  });
  router.add('GET', '/applications/@me', application);
  router.add('GET', '/oauth2/applications/@me', application);
  // Attachment bytes, so the bot can download what people (or it) uploaded.
  router.add(
    'GET',
    '/attachments/{channel_id}/{attachment_id}/{filename}',
    (req) => {
      const att = ctx.state.uploads.get(req.params.attachment_id!);
      if (!att?.data) return { status: 404, body: { message: '404: Not Found', code: 0 } };
      return { status: 200, raw: { data: att.data, contentType: att.content_type ?? 'application/octet-stream' } };
    },
    { auth: false },
  );
}
