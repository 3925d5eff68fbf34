import { ChatError, type ChatPort } from '../../src/ports/chat-port.js';

/**
 * The real Discord adapter, except that the process "dies" right after its first forum post is created: the
 * post exists in Discord, and the bot never learns its id (what a crash between Discord's answer and the
 * database write looks like to the retry).
 */
export function killedAfterFirstForumPost(chat: ChatPort): ChatPort {
  let killed = false;
  return new Proxy(chat, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      if (prop !== 'createEssayThread') return value.bind(target);
      return async (...args: Parameters<ChatPort['createEssayThread']>) => {
        const ref = await chat.createEssayThread(...args);
        if (!killed) {
          killed = true;
          throw new ChatError('unavailable', 'the process was killed before it recorded the thread');
        }
        return ref;
      };
    },
  });
}
