import type { NotifiableEvent } from '../../notifications/contracts';

/** The project or practice a notification is about: its heading in a digest. */
export function groupTitleOf(event: NotifiableEvent): string {
  const data = event.data as { title?: string; practiceTitle?: string };
  return data.practiceTitle ?? data.title ?? '';
}
