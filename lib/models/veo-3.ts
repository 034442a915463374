import { aiFamily } from "./family";
import { veo31 } from "./veo-3-1";

/** Veo 3 and Veo 3 Fast: the generation before 3.1, the same inputs. */
export const veo3 = aiFamily({
  ...veo31,
  id: "veo-3",
  label: "Veo 3",
  description: "Google Veo 3: cinematic motion with sound.",
});

export const veo3Fast = aiFamily({
  ...veo31,
  id: "veo-3-fast",
  label: "Veo 3 Fast",
  description: "Veo 3 at a lower price and faster turnaround, with sound.",
});
