//! A clip as Markdown writes it: an image whose path ends in `.webm` or `.mp4`, its
//! captions beside it, and `loop` or a size in its title. The Markdown reader asks this;
//! [`super::media`] checks the files on disk.

use crate::model::content::{Clip, Inline};

/// The path of `url`, without its query or fragment.
pub(super) fn path_part(url: &str) -> &str {
    &url[..url.find(['?', '#']).unwrap_or(url.len())]
}

/// Whether an image URL is a clip: its path ends in `.webm` or `.mp4`.
pub fn is_clip(url: &str) -> bool {
    let path = path_part(url.trim()).to_ascii_lowercase();
    path.ends_with(".webm") || path.ends_with(".mp4")
}

/// The file beside `url` with the extension `ext`: `clips/a.webm?v=2` and `vtt` give
/// `clips/a.vtt`.
pub(super) fn sibling(url: &str, ext: &str) -> String {
    let path = path_part(url);
    let stem = match path.rfind('.') {
        Some(dot) if !path[dot..].contains('/') => &path[..dot],
        _ => path,
    };
    format!("{stem}.{ext}")
}

/// The clip a Markdown image of the video `src` is, its alt text `alt` and its title
/// `title`: captions beside it, `loop` and a size such as `640x360` read from the title.
pub fn clip(src: String, title: &str, alt: &[Inline]) -> Clip {
    let mut clip = Clip {
        captions: sibling(&src, "vtt"),
        alt: Inline::plain_text(alt).trim().to_owned(),
        src,
        ..Clip::default()
    };
    for word in title.split_whitespace() {
        if word.eq_ignore_ascii_case("loop") {
            clip.looping = true;
        } else if let Some((w, h)) = word.split_once(['x', 'X', '×']) {
            if let (Ok(w @ 1..), Ok(h @ 1..)) = (w.parse(), h.parse()) {
                clip.size = Some((w, h));
            }
        }
    }
    clip
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clip_is_a_video_url_with_captions_beside_it_and_a_title_of_words() {
        assert!(is_clip("clips/a.webm?v=2"));
        assert!(is_clip("https://cdn.example/a.MP4#t=2"));
        assert!(!is_clip("clips/a.png"));
        assert!(!is_clip("clips/webm"));
        let c = clip(
            "clips/a.webm?v=2".into(),
            "loop 640x360",
            &[Inline::Text("Sending".into())],
        );
        assert_eq!(c.captions, "clips/a.vtt");
        assert!(c.looping);
        assert_eq!(c.size, Some((640, 360)));
        assert_eq!(c.alt, "Sending");
        assert_eq!(clip("a.mp4".into(), "", &[]).size, None);
    }
}
