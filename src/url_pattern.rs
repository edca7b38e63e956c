//! URL path patterns such as `/invoices/:id` or `/reports/*`.

/// A parsed path pattern.
///
/// `:name` matches one non-empty segment; `*` as the last segment matches the rest of the
/// path, including nothing; `*` elsewhere matches exactly one segment. A trailing slash
/// is ignored on both sides, so `/invoices/` matches `/invoices`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlPattern {
    segments: Vec<Segment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Literal(String),
    Param(String),
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

impl UrlPattern {
    pub fn parse(pattern: &str) -> Result<UrlPattern, PatternError> {
        if !pattern.starts_with('/') {
            return Err(PatternError(format!(
                "`{pattern}` must start with `/`: write a path such as `/invoices/:id`"
            )));
        }
        if pattern.contains(['?', '#']) {
            return Err(PatternError(format!(
                "`{pattern}` has a query or hash: a page pattern matches the path only"
            )));
        }
        let segments = split(pattern)
            .map(|s| match s {
                "*" => Ok(Segment::Wildcard),
                s if s.starts_with(':') => {
                    let name = &s[1..];
                    if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                        Err(PatternError(format!(
                            "`{pattern}` has the parameter `{s}`: a parameter is `:` followed by letters, digits or `_`"
                        )))
                    } else {
                        Ok(Segment::Param(name.to_string()))
                    }
                }
                s if s.contains('*') => Err(PatternError(format!(
                    "`{pattern}` has `*` inside the segment `{s}`: `*` must stand alone between slashes"
                ))),
                s => Ok(Segment::Literal(s.to_string())),
            })
            .collect::<Result<_, _>>()?;
        Ok(UrlPattern { segments })
    }

    /// Whether `path` (no query, no hash) matches.
    pub fn matches(&self, path: &str) -> bool {
        let mut parts = split(path);
        for (i, seg) in self.segments.iter().enumerate() {
            let last = i + 1 == self.segments.len();
            match seg {
                Segment::Wildcard if last => return true,
                Segment::Wildcard | Segment::Param(_) => {
                    if parts.next().is_none() {
                        return false;
                    }
                }
                Segment::Literal(lit) => {
                    if parts.next() != Some(lit.as_str()) {
                        return false;
                    }
                }
            }
        }
        parts.next().is_none()
    }
}

fn split(path: &str) -> impl Iterator<Item = &str> {
    path.split('/').filter(|s| !s.is_empty())
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
}
