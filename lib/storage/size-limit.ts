import { Transform } from "node:stream";

export class TooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
    this.name = "TooLargeError";
  }
}

/** Passes bytes through until more than `max` have gone by, then fails the pipeline. */
export function sizeLimit(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > max) done(new TooLargeError(max));
      else done(null, chunk);
    },
  });
}
