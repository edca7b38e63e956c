//! What `pathlight dev` says about its builds, as author mode reads it: its `/status`
//! answer and each `status` event (the protocol in docs/authoring.md, "Author mode").

use crate::support::json::{parse, Json};

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

    /// The build to load now that this status has come, after `before` (`None` when this
    /// is the first): the served build, unless `before` served it already. The first status
    /// counts: a build can land between the widget's fetch of the pack and its first
    /// `/status`, and loading the same build again changes nothing.
    pub fn build_to_load(&self, before: Option<&DevStatus>) -> Option<u64> {
        let served = self.served?;
        (before.and_then(|b| b.served) != Some(served)).then_some(served)
    }

    /// Whether a load started for build `loaded` is out of date by this status: a later
    /// build is served, whose own load puts it in place, so the older pack must not win
    /// when the loads finish out of order.
    pub fn outdates(&self, loaded: u64) -> bool {
        self.served.is_some_and(|served| served > loaded)
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

    fn serving(served: Option<u64>) -> DevStatus {
        DevStatus {
            build: served.unwrap_or(1),
            ok: served.is_some(),
            served,
            diagnostics: vec![],
        }
    }

    #[test]
    fn the_first_status_loads_the_served_build() {
        // A build that landed between the widget's fetch of lessons.json and its first
        // /status was never loaded when only a change after the first status counted.
        assert_eq!(serving(Some(2)).build_to_load(None), Some(2));
        assert_eq!(serving(None).build_to_load(None), None);
        // The first served build after failed ones.
        assert_eq!(
            serving(Some(3)).build_to_load(Some(&serving(None))),
            Some(3)
        );
        assert_eq!(
            serving(Some(4)).build_to_load(Some(&serving(Some(3)))),
            Some(4)
        );
        // A failed build keeps the pack served before it.
        let failed = DevStatus {
            build: 5,
            ..serving(Some(4))
        };
        assert_eq!(failed.build_to_load(Some(&serving(Some(4)))), None);
    }

    #[test]
    fn a_load_that_finishes_after_a_later_builds_is_out_of_date() {
        // Loads started for builds 3 and 4 in quick succession can finish in either order;
        // when 3's finishes last, build 4 is served and 3's pack must not replace it.
        let now = serving(Some(4));
        assert!(now.outdates(3));
        assert!(!now.outdates(4));
        assert!(!serving(None).outdates(3));
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
