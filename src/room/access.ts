import { outputOfFile } from '../emit/names.js';
import { OUTPUTS } from '../model/outputs.js';
import type { RoomSlide } from './state.js';

/** What decides whether an attendee may have a file of the deck's folder. */
export interface AttendeeAccess {
  slug: string;
  /** Each of the author's pictures (`assets/content/...`) and the first slide that shows it. */
  pictures: ReadonlyMap<string, number>;
  /** The furthest slide the room has reached. */
  furthest: number;
}

/**
 * Whether an attendee (anyone without the presenter's key) may have a file of the deck's folder
 * (its path there, `/`-separated): what they take home (by the table of outputs, so that a build
 * during the talk may add one), the fonts of their page, and the pictures of slides already
 * shown. The rest (the deck itself, its scripts, the slide pictures) is the presenter's: nobody
 * on the room's network pages ahead of the talk.
 */
export function forAttendees(file: string, access: AttendeeAccess): boolean {
  if (!file.includes('/')) {
    const output = outputOfFile(access.slug, file);
    const room = output && OUTPUTS[output.kind].room;
    return room !== undefined && 'takeHome' in room;
  }
  if (/^assets\/fonts\/[^/]+$/.test(file)) return true;
  const shownFrom = access.pictures.get(file);
  return shownFrom !== undefined && shownFrom <= access.furthest;
}

/** The author's pictures in the slides' reading views (`/deck/assets/...`), by file, first slide first. */
export function picturesOf(slides: readonly RoomSlide[]): Map<string, number> {
  const pictures = new Map<string, number>();
  for (const slide of slides)
    for (const [, src] of slide.html.matchAll(/<img [^>]*src="\/deck\/([^"]+)"/g)) {
      const file = picturePath(src!);
      if (file && !pictures.has(file)) pictures.set(file, slide.index);
    }
  return pictures;
}

/** A picture's path in the deck's folder from its address in the reading view (`&amp;` and `%20` undone). */
function picturePath(src: string): string | undefined {
  try {
    return decodeURIComponent(src.replace(/&amp;/g, '&'));
  } catch {
    return undefined;
  }
}
