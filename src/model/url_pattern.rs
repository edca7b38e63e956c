//! URL patterns: the page, query and hash a lesson is for.
//!
//! Evaluation runs for every lesson on every navigation, so matching never allocates unless
//! a segment is percent-encoded.

use std::borrow::Cow;

/// A validated path pattern such as `/invoices/:id` or `/reports/*`.
///
/// `:name` matches one non-empty segment; `*` as the last segment matches the rest of the
/// path, including nothing; `*` elsewhere matches exactly one segment. A trailing slash
/// is ignored on both sides, so `/invoices/` matches `/invoices`. Literal segments are
/// compared after percent-decoding, so `/customers/café` matches `/customers/caf%C3%A9`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UrlPattern<'a> {
    source: &'a str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Segment<'a> {
    Literal(&'a str),
    Param,
    Wildcard,
}

/// Why a pattern is invalid, in words an author can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError(pub String);

impl std::fmt::Display for PatternError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'a> UrlPattern<'a> {
    /// Reads a Trigger's URL pattern, or says what is wrong with it.
    pub fn parse(pattern: &'a str) -> Result<UrlPattern<'a>, PatternError> {
        if !pattern.starts_with('/') {
            return Err(PatternError(format!(
                "`{pattern}` must start with `/`: write a path such as `/invoices/:id`"
            )));
        }
        if pattern.contains(['?', '#']) {
            return Err(PatternError(format!(
                "`{pattern}` has a query or hash: a page pattern matches the path only; use `query` or `hash` for the rest"
            )));
        }
        for s in split(pattern) {
            segment(s).map_err(|why| PatternError(format!("`{pattern}` {why}")))?;
        }
        Ok(UrlPattern { source: pattern })
    }

    /// Whether `path` (no query, no hash) matches.
    pub fn matches(&self, path: &str) -> bool {
        let mut parts = split(path);
        let mut segments = split(self.source).peekable();
        while let Some(s) = segments.next() {
            let last = segments.peek().is_none();
            match segment(s) {
                Ok(Segment::Wildcard) if last => return true,
                Ok(Segment::Wildcard | Segment::Param) => {
                    if parts.next().is_none() {
                        return false;
                    }
                }
                Ok(Segment::Literal(lit)) => {
                    if parts
                        .next()
                        .is_none_or(|p| decode(p, false) != decode(lit, false))
                    {
                        return false;
                    }
                }
                Err(_) => return false,
            }
        }
        parts.next().is_none()
    }
}

/// Whether `pattern` is valid and matches `path`: an invalid pattern never matches.
pub fn path_matches(pattern: &str, path: &str) -> bool {
    UrlPattern::parse(pattern).is_ok_and(|p| p.matches(path))
}

fn segment(s: &str) -> Result<Segment<'_>, String> {
    match s {
        "*" => Ok(Segment::Wildcard),
        s if s.starts_with(':') => {
            let name = &s[1..];
            if name.is_empty() || !name.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_') {
                Err(format!("has the parameter `{s}`: a parameter is `:` followed by ASCII letters, digits or `_`"))
            } else {
                Ok(Segment::Param)
            }
        }
        s if s.contains('*') => Err(format!(
            "has `*` inside the segment `{s}`: `*` must stand alone between slashes"
        )),
        s => Ok(Segment::Literal(s)),
    }
}

fn split(path: &str) -> impl Iterator<Item = &str> {
    path.split('/').filter(|s| !s.is_empty())
}

/// A URL as the page shows it (`location.pathname + location.search + location.hash`),
/// split into its parts. The query keeps no `?`; the hash keeps no `#`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location<'a> {
    /// The path, from its leading `/`.
    pub path: &'a str,
    /// The query, without `?`.
    pub query: &'a str,
    /// The hash, without `#`.
    pub hash: &'a str,
}

impl<'a> Location<'a> {
    /// Splits a page URL into the parts patterns match against.
    pub fn parse(url: &'a str) -> Location<'a> {
        let (rest, hash) = url.split_once('#').unwrap_or((url, ""));
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        Location { path, query, hash }
    }

    /// Whether the query has `key` with this value, after decoding; the value `*` accepts
    /// any value, even an empty one. A repeated key matches if any of its values does.
    pub fn has_param(&self, key: &str, value: &str) -> bool {
        self.query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
            .any(|(k, v)| decode(k, true) == key && (value == "*" || decode(v, true) == value))
    }

    /// Whether the hash matches what an author wrote: `#payments` exactly, or, for apps
    /// that route in the hash, a path pattern such as `#/invoices/:id` against the hash's
    /// path. The leading `#` is optional; an invalid hash route never matches.
    pub fn hash_matches(&self, hash: &str) -> bool {
        let wanted = hash.strip_prefix('#').unwrap_or(hash);
        if wanted.starts_with('/') {
            let route = self
                .hash
                .split_once('?')
                .map_or(self.hash, |(path, _)| path);
            path_matches(wanted, route)
        } else {
            decode(self.hash, false) == decode(wanted, false)
        }
    }
}

/// Why a hash is invalid: only a hash route can be, by being an invalid path pattern.
pub fn check_hash(hash: &str) -> Result<(), PatternError> {
    let wanted = hash.strip_prefix('#').unwrap_or(hash);
    if wanted.starts_with('/') {
        UrlPattern::parse(wanted).map(|_| ())
    } else if wanted.is_empty() {
        Err(PatternError(
            "the hash is empty: write the fragment to match, e.g. `#payments`".into(),
        ))
    } else {
        Ok(())
    }
}

/// Percent-decodes `s` (and `+` as a space, in a query). Malformed escapes stay as written,
/// and bytes that are not UTF-8 become U+FFFD, as in the browser's `URLSearchParams`.
pub fn decode(s: &str, plus_is_space: bool) -> Cow<'_, str> {
    if !(s.contains('%') || plus_is_space && s.contains('+')) {
        return Cow::Borrowed(s);
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' if plus_is_space => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    Cow::Owned(String::from_utf8_lossy(&out).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &str, path: &str) -> bool {
        UrlPattern::parse(p).unwrap().matches(path)
    }

    #[test]
    fn literal_paths_match_exactly_ignoring_trailing_slash() {
        assert!(m("/", "/"));
        assert!(!m("/", "/invoices"));
        assert!(m("/invoices", "/invoices/"));
        assert!(!m("/invoices", "/invoices/1"));
    }

    #[test]
    fn params_match_one_non_empty_segment() {
        assert!(m("/invoices/:id", "/invoices/INV-1"));
        assert!(!m("/invoices/:id", "/invoices"));
        assert!(!m("/invoices/:id", "/invoices/1/edit"));
    }

    #[test]
    fn trailing_wildcard_matches_the_rest_including_nothing() {
        assert!(m("/reports/*", "/reports"));
        assert!(m("/reports/*", "/reports/aging/2026"));
        assert!(!m("/reports/*", "/invoices"));
        assert!(m("/*/settings", "/acme/settings"));
    }

    #[test]
    fn bad_patterns_say_what_to_write() {
        for bad in ["invoices", "/a/:", "/a/b*", "/a?x=1", "/a/:b-c"] {
            assert!(UrlPattern::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn an_invalid_pattern_matches_nothing_even_a_path_it_spells() {
        assert!(!path_matches("/a/b*", "/a/b*"));
        assert!(!path_matches("invoices", "invoices"));
    }

    #[test]
    fn percent_encoded_paths_match_their_decoded_literals() {
        assert!(m("/customers/café", "/customers/caf%C3%A9"));
        assert!(m("/customers/caf%C3%A9", "/customers/café"));
        assert!(!m("/customers/cafe", "/customers/caf%C3%A9"));
    }

    #[test]
    fn a_location_splits_into_path_query_and_hash() {
        assert_eq!(
            Location::parse("/reports?tab=aging#payments"),
            Location {
                path: "/reports",
                query: "tab=aging",
                hash: "payments"
            }
        );
        assert_eq!(Location::parse("/x#a?b").hash, "a?b");
    }

    #[test]
    fn query_params_are_decoded_and_any_repeat_may_match() {
        let at = Location::parse("/r?tab=aging&who=Caf%C3%A9+Bar&tag=a&tag=b&flag");
        assert!(at.has_param("tab", "aging"));
        assert!(at.has_param("who", "Café Bar"));
        assert!(at.has_param("tag", "b"));
        assert!(at.has_param("flag", "*"));
        assert!(at.has_param("flag", ""));
        assert!(!at.has_param("tab", "summary"));
        assert!(!at.has_param("missing", "*"));
    }

    #[test]
    fn a_hash_matches_exactly_or_as_a_hash_route() {
        let at = Location::parse("/settings#payments");
        assert!(at.hash_matches("#payments"));
        assert!(at.hash_matches("payments"));
        assert!(!at.hash_matches("#pay"));
        let routed = Location::parse("/app#/invoices/7?tab=items");
        assert!(routed.hash_matches("#/invoices/:id"));
        assert!(!routed.hash_matches("#/reports/*"));
        assert!(check_hash("#/invoices/:").is_err());
        assert!(check_hash("#").is_err());
    }

    #[test]
    fn malformed_escapes_stay_as_written() {
        assert_eq!(decode("100%", false), "100%");
        assert_eq!(decode("%zz%4", false), "%zz%4");
        assert_eq!(decode("%41+b", true), "A b");
        assert_eq!(decode("%FF", false), "\u{FFFD}");
    }

    mod properties {
        use super::super::*;
        use proptest::collection::vec;
        use proptest::prelude::*;

        const URLISH: &str = "[/:*a-z0-9%?#&=+._ é-]{0,32}";

        proptest! {
            #[test]
            fn no_pattern_or_url_makes_matching_panic(pattern in URLISH, url in URLISH) {
                let at = Location::parse(&url);
                let _ = path_matches(&pattern, at.path);
                let _ = at.hash_matches(&pattern);
                let _ = at.has_param(&pattern, "*");
                let _ = check_hash(&pattern);
            }

            #[test]
            fn decoding_any_text_never_panics(text in any::<String>()) {
                let _ = decode(&text, true);
                let _ = decode(&text, false);
            }

            #[test]
            fn a_path_matches_itself_its_params_and_its_trailing_wildcard(
                segments in vec("[a-zA-Z0-9_.~-]{1,6}", 0..6),
                params in vec(any::<bool>(), 6),
                rest in vec("[a-z0-9]{1,4}", 0..3),
            ) {
                let path = format!("/{}", segments.join("/"));
                prop_assert!(path_matches(&path, &path));
                let pattern: Vec<String> = segments
                    .iter()
                    .zip(&params)
                    .map(|(s, param)| if *param { ":p".to_string() } else { s.clone() })
                    .collect();
                let pattern = format!("/{}", pattern.join("/"));
                prop_assert!(path_matches(&pattern, &path), "{} {}", pattern, path);
                let longer = format!("{path}/{}", rest.join("/"));
                let open_ended = format!("{}/*", pattern.trim_end_matches('/'));
                prop_assert!(path_matches(&open_ended, &longer), "{} {}", open_ended, longer);
            }
        }
    }
}
