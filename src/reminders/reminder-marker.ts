// The last line of every reminder and staff digest: `-# ref <Reminder id>`, small grey text a reader barely
// notices. It is what lets a retry find the message an interrupted attempt already sent, after Discord's
// nonce window has closed: the reminder's text itself changes between attempts ("due in 47 hours" becomes
// "due in 46 hours"), and Discord keeps no nonce in message history. It also gives staff a reference to quote.

export const DISCORD_CONTENT_LIMIT = 2_000;

export function reminderMarker(reminderId: string): string {
  return `-# ref ${reminderId}`;
}

/** The text with the marker as its last line, still within Discord's 2000 characters. */
export function withReminderMarker(text: string, reminderId: string): string {
  const marker = reminderMarker(reminderId);
  return `${text.slice(0, DISCORD_CONTENT_LIMIT - marker.length - 1)}\n${marker}`;
}
