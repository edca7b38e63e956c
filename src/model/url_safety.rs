//! Which URLs authored content may carry.
//!
//! Browsers strip leading control characters and spaces and drop tabs and newlines anywhere
//! in a URL before they read its scheme, so `java\tscript:` still runs. We read the scheme
//! the same way, and allow only schemes that cannot run script.

/// What a URL is used for: links may also be `mailto:`, images only https or relative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlUse {
    /// The URL is a link the learner may follow.
    Link,
    /// The URL is an image the widget loads.
    Image,
}

/// Why a URL was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlError {
    /// The scheme, lowercased, as the browser would read it.
    Scheme(String),
    /// `//host/x`: it takes the page's scheme, so an image could load over http.
    ProtocolRelative,
    /// The URL is empty.
    Empty,
}

impl std::fmt::Display for UrlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UrlError::Scheme(s) => write!(f, "the scheme `{s}:` is not allowed"),
            UrlError::ProtocolRelative => {
                write!(f, "a URL starting with `//` takes the page's scheme")
            }
            UrlError::Empty => write!(f, "the URL is empty"),
        }
    }
}

/// The URL as a browser would see it, or why it is refused.
pub fn check(url: &str, usage: UrlUse) -> Result<String, UrlError> {
    let cleaned: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .trim_end_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if cleaned.is_empty() {
        return Err(UrlError::Empty);
    }
    // Browsers read `\` as `/` in web URLs, so `\\host` is `//host` too.
    let network_path = cleaned.starts_with(['/', '\\']) && cleaned[1..].starts_with(['/', '\\']);
    if usage == UrlUse::Image && network_path {
        return Err(UrlError::ProtocolRelative);
    }
    match scheme(&cleaned) {
        None => Ok(cleaned),
        Some(s) => {
            let allowed = match usage {
                UrlUse::Link => matches!(s.as_str(), "http" | "https" | "mailto"),
                UrlUse::Image => s == "https",
            };
            if allowed {
                Ok(cleaned)
            } else {
                Err(UrlError::Scheme(s))
            }
        }
    }
}

/// Whether `url` is a path relative to where it is read from (`clips/a.webm`, `../a.png`),
/// as opposed to absolute, root-relative (`/a.png`), a query or a fragment.
pub fn is_path_relative(url: &str) -> bool {
    // Read as the browser reads it, so that `java\tscript:` is seen as absolute.
    let url: String = url
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let url = url.trim_start_matches(|c: char| c <= ' ');
    !url.is_empty() && !url.starts_with(['/', '\\', '?', '#']) && scheme(url).is_none()
}

/// `url`, a media URL of the pack, made to resolve against the pack rather than the page:
/// a path-relative URL is put after `folder`, the URL of the pack's folder as
/// [`pack_folder`] gives it; any other URL is left as it is. The widget checks the result
/// as it checks every URL, so a folder cannot make a URL unsafe either.
pub fn against(url: &mut String, folder: &str) {
    if is_path_relative(url) {
        url.insert_str(0, folder);
    }
}

/// The folder of the pack at `pack`, an absolute URL, as media URLs are resolved against:
/// root-relative (`/packs/`) when it is on the page's `origin`, absolute otherwise.
pub fn pack_folder(pack: &str, origin: &str) -> String {
    let end = pack.find(['?', '#']).unwrap_or(pack.len());
    let pack = &pack[..end];
    let folder = &pack[..pack.rfind('/').map_or(0, |i| i + 1)];
    match folder.strip_prefix(origin) {
        Some(path) if path.starts_with('/') => path.to_owned(),
        _ => folder.to_owned(),
    }
}

/// The scheme of an absolute URL, lowercased; `None` for a relative one.
fn scheme(url: &str) -> Option<String> {
    let end = url.find([':', '/', '?', '#'])?;
    if !url[end..].starts_with(':') || end == 0 {
        return None;
    }
    let candidate = &url[..end];
    let mut chars = candidate.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    // Something like `a b:c` is not a scheme for the browser either: it is a relative path.
    valid.then(|| candidate.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_web_mail_and_relative_links() {
        for ok in [
            "https://a.example/x",
            "http://a",
            "mailto:a@b.c",
            "/docs",
            "../x",
            "#top",
            "?q=1",
            "docs/a:b",
        ] {
            assert!(check(ok, UrlUse::Link).is_ok(), "{ok}");
        }
    }

    #[test]
    fn refuses_script_schemes_even_when_obfuscated() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:x",
            " \u{1}javascript:x",
            "java\tscript:x",
            "java\nscript:x",
            "vbscript:x",
            "data:text/html,x",
        ] {
            assert!(
                matches!(check(bad, UrlUse::Link), Err(UrlError::Scheme(_))),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn images_are_https_or_relative_only() {
        assert!(check("https://cdn.example/a.png", UrlUse::Image).is_ok());
        assert!(check("/img/a.png", UrlUse::Image).is_ok());
        assert!(check("http://cdn.example/a.png", UrlUse::Image).is_err());
        assert!(check("mailto:a@b.c", UrlUse::Image).is_err());
        assert!(check("data:image/png;base64,AA", UrlUse::Image).is_err());
        for sneaky in [
            "//evil.example/x.png",
            "\\\\evil.example/x.png",
            "/\\evil.example/x.png",
        ] {
            assert_eq!(
                check(sneaky, UrlUse::Image),
                Err(UrlError::ProtocolRelative),
                "{sneaky}"
            );
        }
    }

    /// Bug pinned: a relative image in a pack on a CDN loaded from the host page's server.
    #[test]
    fn relative_media_resolve_against_the_pack_folder() {
        let folder = pack_folder(
            "https://cdn.example/p/lessons.json?v=2",
            "https://app.example",
        );
        assert_eq!(folder, "https://cdn.example/p/");
        assert_eq!(
            pack_folder(
                "http://127.0.0.1:8080/packs/lessons.json",
                "http://127.0.0.1:8080"
            ),
            "/packs/"
        );
        for (url, resolved) in [
            ("clips/a.webm", "https://cdn.example/p/clips/a.webm"),
            ("../a.png", "https://cdn.example/p/../a.png"),
            ("/a.png", "/a.png"),
            ("https://x.example/a.png", "https://x.example/a.png"),
            ("javascript:x", "javascript:x"),
            ("java\tscript:x", "java\tscript:x"),
            ("#a", "#a"),
        ] {
            let mut url = url.to_owned();
            against(&mut url, &folder);
            assert_eq!(url, resolved);
        }
    }

    #[test]
    fn empty_is_refused() {
        assert_eq!(check(" \t", UrlUse::Link), Err(UrlError::Empty));
    }
}
