import { aiFamily } from "./family";
import { kling21Master } from "./kling-2-1";

/** Kling 2.5 Turbo: the inputs of 2.1 Master, faster and cheaper. */
export const kling25Turbo = aiFamily({
  ...kling21Master,
  id: "kling-2.5-turbo",
  label: "Kling 2.5 Turbo",
  description: "Faster, cheaper Kling with better motion than 2.1.",
});
