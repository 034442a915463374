export const sharePath = (token: string) => `/s/${token}`;
export const shareVideoPath = (token: string) => `/s/${token}/video.mp4`;
export const sharePosterPath = (token: string) => `/s/${token}/poster.jpg`;
export const shareEmbedPath = (token: string) => `/s/${token}/embed`;
