/** How big one generation may be; pure, so the composer and the server agree. */

/** Takes one submit may ask for (the composer offers these). */
export const TAKE_CHOICES = [1, 2, 4] as const;
export const MAX_TAKES = 4;
/** Models one compare may put side by side. */
export const MAX_COMPARE = 4;
