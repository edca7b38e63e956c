// The clip's player: a plain <video> and its captions track, wired in a few lines of the
// browser's own language. Written in Rust, each DOM call and closure was a binding with glue,
// and the player cost 4.5 KB gzip; with these lines and clip.rs, about 2 KB (issue #24's cap).
//
// Builds the clip in `holder` (`width` and `height` 0: no size given). `heard(seconds, how)`
// tells the widget that it started playing (how 0), reached its end (1) or was left (2), with
// the seconds watched however the learner skipped about. Returns the function that stops it,
// for when the card closes or the layer changes.
export function mountClip(holder, src, captions, poster, alt, width, height, loop, heard) {
  const make = (tag, attributes) => {
    const element = document.createElement(tag);
    for (const name in attributes) element.setAttribute(name, attributes[name]);
    return element;
  };
  const video = make("video", { src, "aria-label": alt, controls: "", playsinline: "", preload: "none" });
  if (poster) video.poster = poster;
  // Captions from another origin load only with CORS, and then the video must ask too.
  if (captions.startsWith("http")) video.crossOrigin = "anonymous";
  // Through the style object, not a style attribute, which a strict CSP refuses.
  if (width && height) video.style.aspectRatio = `${width}/${height}`;
  if (loop) {
    video.loop = video.muted = true;
    video.autoplay = !matchMedia("(prefers-reduced-motion: reduce)").matches;
  }
  video.append(make("track", { kind: "captions", default: "", src: captions }));
  let started = false;
  const watched = () => {
    let seconds = 0;
    for (let i = 0; i < video.played.length; i++) seconds += video.played.end(i) - video.played.start(i);
    return seconds;
  };
  const stopped = (how) => {
    if (started) heard(watched(), how);
    started = false;
  };
  video.onplay = () => {
    if (!started) heard(video.currentTime, 0);
    started = true;
  };
  video.onended = () => stopped(1);
  // A clip that cannot load: its alt text and a link to the file, as text.
  video.onerror = () => {
    const failed = make("span", { class: "pl-clip-failed" });
    const link = make("a", { href: src, target: "_blank", rel: "noopener noreferrer" });
    link.textContent = src.split(/[?#]/)[0].split("/").pop();
    failed.append(alt + " ", link);
    holder.replaceChildren(failed);
  };
  // A hidden page stops the clip; the learner plays it again on return.
  const hidden = () => document.hidden && video.pause();
  document.addEventListener("visibilitychange", hidden);
  holder.className = "pl-clip";
  holder.append(video);
  return () => {
    document.removeEventListener("visibilitychange", hidden);
    video.pause();
    stopped(2);
  };
}
