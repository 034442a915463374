import { aiFamily } from "./family";
import { veo31 } from "./veo-3-1";

/** Veo 3.1 Fast takes what Veo 3.1 takes; it is quicker and cheaper. */
export const veo31Fast = aiFamily({
  ...veo31,
  id: "veo-3.1-fast",
  label: "Veo 3.1 Fast",
  description: "Google's quicker, cheaper Veo 3.1, with sound. Text or a start image.",
});
