/** The public share pages' player is the plain video frame: no keys, nothing that needs the browser. */
export { VideoFrame as SharedVideo } from "../player/video-frame";
