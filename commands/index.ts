import type { Command } from '../src/discord/command.js';
import { course } from './course.js';
import { privacy } from './privacy.js';
import { link } from './link.js';
import { reminders } from './reminders.js';
import { report } from './report.js';
import { reviews } from './reviews.js';
import { roster } from './roster.js';
import { status } from './status.js';
import { sync } from './sync.js';

/** Every slash command, registered once here (a test checks each file in commands/ appears, with a unique name). */
export const commands: readonly Command[] = [course, sync, roster, link, reviews, reminders, report, status, privacy];
