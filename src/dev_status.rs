//! What `pathlight dev` says about its builds, as author mode reads it: its `/status`
//! answer and each `status` event (the protocol in docs/authoring.md, "Author mode").

use crate::json::{parse, Json};

/// One status of the dev server.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DevStatus {
    /// Build attempts so far.
    pub build: u64,
    /// Whether the last attempt gave a pack.
    pub ok: bool,
    /// The build whose pack is served, if any succeeded.
    pub served: Option<u64>,
    /// The last attempt's problems, each as `pathlight lint` prints it.
    pub diagnostics: Vec<String>,
}

impl DevStatus {
    /// Reads a status; `None` for anything else, such as another server's answer.
    pub fn read(text: &str) -> Option<DevStatus> {
        let status = parse(text).ok()?;
        let whole = |v: &Json| {
            v.as_f64()
                .filter(|n| *n >= 0.0 && n.fract() == 0.0)
                .map(|n| n as u64)
        };
        let diagnostics = match status.get("diagnostics") {
            Some(Json::Array(items)) => items
                .iter()
                .filter_map(|d| d.get("message")?.as_str().map(str::to_owned))
                .collect(),
            _ => vec![],
        };
        Some(DevStatus {
            build: whole(status.get("build")?)?,
            ok: matches!(status.get("ok")?, Json::Bool(true)),
            served: status.get("served").and_then(whole),
            diagnostics,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_status_the_dev_server_sends() {
        let status = DevStatus::read(
            r#"{"build":4,"diagnostics":[{"file":"a.md","line":5,"message":"error: a.md:5: bad\n  help: fix","severity":"error"}],"ok":false,"served":3}"#,
        );
        assert_eq!(
            status,
            Some(DevStatus {
                build: 4,
                ok: false,
                served: Some(3),
                diagnostics: vec!["error: a.md:5: bad\n  help: fix".into()],
            })
        );
        let first =
            DevStatus::read(r#"{"build":1,"diagnostics":[],"ok":false,"served":null}"#).unwrap();
        assert_eq!(first.served, None);
    }

    #[test]
    fn another_servers_answer_is_no_status() {
        for other in [
            "",
            "not found",
            "[]",
            r#"{"format":2,"lessons":[]}"#,
            r#"{"build":"x","ok":true}"#,
        ] {
            assert_eq!(DevStatus::read(other), None, "{other}");
        }
    }
}
