//! Trigger rules: when a lesson is relevant.

use crate::url_pattern::UrlPattern;
use serde::{Deserialize, Serialize};

/// A rule over what the learner is doing now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// The current path matches this pattern.
    Page(String),
    All(Vec<Rule>),
    Any(Vec<Rule>),
    Not(Box<Rule>),
}

/// What a rule is evaluated against.
#[derive(Debug, Clone, Default)]
pub struct Context<'a> {
    pub path: &'a str,
}

impl Rule {
    /// Whether the rule holds. An invalid pattern never matches, so one bad lesson cannot
    /// show everywhere; the CLI reports it to the author.
    pub fn holds(&self, cx: &Context) -> bool {
        match self {
            Rule::Page(p) => UrlPattern::parse(p).is_ok_and(|p| p.matches(cx.path)),
            Rule::All(rules) => rules.iter().all(|r| r.holds(cx)),
            Rule::Any(rules) => rules.iter().any(|r| r.holds(cx)),
            Rule::Not(rule) => !rule.holds(cx),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn combinators_compose() {
        let cx = Context {
            path: "/invoices/7",
        };
        let on_invoice = Rule::Page("/invoices/:id".into());
        let on_reports = Rule::Page("/reports/*".into());
        assert!(on_invoice.holds(&cx));
        assert!(Rule::Any(vec![on_reports.clone(), on_invoice.clone()]).holds(&cx));
        assert!(!Rule::All(vec![on_reports.clone(), on_invoice.clone()]).holds(&cx));
        assert!(Rule::Not(Box::new(on_reports)).holds(&cx));
    }

    #[test]
    fn an_invalid_pattern_never_matches() {
        assert!(!Rule::Page("invoices".into()).holds(&Context { path: "invoices" }));
    }
}
