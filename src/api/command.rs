//! The host's calls, `pathlight('init', {...})` and friends, parsed from their JSON form.
//!
//! The browser edge turns each call's arguments into JSON; parsing them here keeps the
//! command language testable natively and gives every mistake a message that says the fix.
//! Functions (`on` callbacks, `init`'s progress adapter) do not survive JSON: the edge takes
//! those from the raw arguments itself.

use crate::api::lifecycle::EventKind;
use crate::model::trigger::Traits;
use crate::support::json::{FromJson, Json, Mismatch};

/// Options of `pathlight('init', {...})`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InitOptions {
    /// URL of the compiled lesson pack.
    pub lessons: Option<String>,
    /// The learner, when the host knows them at start, so Progress and Triggers see their traits.
    pub user: Option<User>,
    /// UI language, e.g. `de`; defaults to `navigator.language`.
    pub locale: Option<String>,
    /// Colour scheme for the widget; none follows the host page.
    pub theme: Option<Theme>,
    /// `{ load, save }` functions for the vendor's backend; the edge takes them from the call.
    pub progress: Option<Json>,
    /// Beacons for the current screen, at most (3 by default).
    pub suggestions: Option<usize>,
    /// Lessons that may open by themselves in a session (0 by default: beacons, not popups).
    pub auto_open: Option<usize>,
    /// Author mode from the start (`author: true`, or `{ lessons }` to preview another
    /// pack): the loader loads the author build for it, which reads it. The learner's wasm
    /// never sees it but to refuse a wrong value, so it carries none of this (issue #25:
    /// the learner's download does not grow).
    #[cfg(any(feature = "author", not(target_arch = "wasm32")))]
    pub author: Option<AuthorMode>,
    // `collect: { url }` is accepted, and read by the loader alone: it sends the lifecycle
    // events there (docs/api.md, "Collecting events").
}

/// What `pathlight('author', …)`, or init's `author`, asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthorMode {
    /// `false`: the page's own pack, and no panel.
    Off,
    /// `true`: the panel, on the pack the page shows.
    On,
    /// `{ lessons }`: the panel, previewing the pack at this URL (a `pathlight dev`'s),
    /// followed live. Only the author build reads it.
    #[cfg(any(feature = "author", not(target_arch = "wasm32")))]
    Preview(String),
}

/// `collect: { url }`, checked here so that a mistake in it is refused by name; the loader
/// does the collecting.
struct Collect;

impl FromJson for Collect {
    fn from_json(value: &Json) -> Result<Collect, Mismatch> {
        let f = value.fields()?;
        f.only(&["url"])?;
        let _: String = f.required("url")?;
        Ok(Collect)
    }
}

/// Light or dark; `auto` follows `prefers-color-scheme`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    /// Follow the learner's system colour scheme.
    Auto,
    /// Always the light scheme.
    Light,
    /// Always the dark scheme.
    Dark,
}

/// The learner, as the host knows them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct User {
    /// Host's id for the learner, which keys their saved Progress; none stays anonymous.
    pub id: Option<String>,
    /// Traits (role, plan, sign-up date) that Triggers and ranking test.
    pub traits: Traits,
}

/// One call of the host API.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Start the widget with these options.
    Init(InitOptions),
    /// Tell the widget who the learner is, switching Progress to theirs.
    Identify(User),
    /// Count a host event, which event Triggers and Lesson completion watch.
    Track(String),
    /// Open the Lesson with this id.
    Open(String),
    /// Close whatever Lesson or panel is open.
    Close,
    /// Set the learner's Goals by id, which reorders the suggestions.
    SetGoals(Vec<String>),
    /// Forget the learner's Progress and start over.
    Reset,
    /// Remove the widget from the page.
    Destroy,
    /// Subscribe to a lifecycle event.
    On(EventKind),
    /// Drop the subscriptions to a lifecycle event.
    Off(EventKind),
    /// `pathlight('author', mode)`: the learner's loader switches to the author build,
    /// which switches the panel and the pack.
    Author(AuthorMode),
}

const KNOWN: &str = "init, identify, track, open, close, setGoals, reset, destroy, on, off, author";

impl Command {
    /// Parses `[name, ...args]`.
    pub fn parse(call: &Json) -> Result<Command, String> {
        let args = match call {
            Json::Array(args) => args.as_slice(),
            _ => &[],
        };
        let Some(name) = args.first().and_then(Json::as_str) else {
            return Err(format!(
                "pathlight() needs a command name as its first argument, one of: {KNOWN}."
            ));
        };
        let arg = |i: usize| args.get(i).unwrap_or(&Json::Null);
        let text = |i: usize, what: &str, example: &str| {
            arg(i)
                .as_str()
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .ok_or_else(|| format!("pathlight('{name}', …) needs {what} as a string, e.g. pathlight('{name}', {example})."))
        };
        let event = |i: usize| {
            let given = text(i, "an event name", "'completed', callback")?;
            EventKind::parse(&given).ok_or_else(|| {
                format!(
                    "pathlight('{name}', '{given}', …): unknown event. Events: {}.",
                    EventKind::ALL.map(EventKind::name).join(", ")
                )
            })
        };
        match name {
            "init" => InitOptions::from_json(arg(1)).map(Command::Init).map_err(|e| {
                format!("pathlight('init', options): {e}. Options are {{ lessons, user: {{ id, traits }}, locale, theme, suggestions, autoOpen, author, collect: {{ url }} }}.")
            }),
            "identify" => {
                let id = text(1, "the user's id", "'u1', { role: 'admin' }")?;
                let traits = match arg(2) {
                    Json::Null => Traits::new(),
                    traits @ Json::Object(_) => Traits::from_json(traits).unwrap_or_default(),
                    _ => return Err("pathlight('identify', id, traits): traits must be an object such as { role: 'admin' }.".into()),
                };
                Ok(Command::Identify(User { id: Some(id), traits }))
            }
            "track" => text(1, "an event name", "'report_exported'").map(Command::Track),
            "open" => text(1, "a lesson id", "'send-invoice'").map(Command::Open),
            "close" => Ok(Command::Close),
            "setGoals" => match arg(1) {
                Json::Array(ids) if ids.iter().all(|id| id.as_str().is_some()) => {
                    Ok(Command::SetGoals(ids.iter().filter_map(Json::as_str).map(str::to_owned).collect()))
                }
                _ => Err("pathlight('setGoals', ids) needs an array of goal ids, e.g. pathlight('setGoals', ['get-paid-faster']).".into()),
            },
            "reset" => Ok(Command::Reset),
            "destroy" => Ok(Command::Destroy),
            "on" => event(1).map(Command::On),
            "off" => event(1).map(Command::Off),
            #[cfg(any(feature = "author", not(target_arch = "wasm32")))]
            "author" => AuthorMode::from_json(arg(1)).map(Command::Author).map_err(|_| {
                "pathlight('author', mode) needs true, false or { lessons }, e.g. pathlight('author', { lessons: 'http://127.0.0.1:7878/lessons.json' }).".into()
            }),
            // The learner's wasm: its loader hands every call but `false` to the author
            // build, so it reads no more than before author mode had modes.
            #[cfg(not(any(feature = "author", not(target_arch = "wasm32"))))]
            "author" => match arg(1) {
                Json::Bool(on) => Ok(Command::Author(match on {
                    true => AuthorMode::On,
                    false => AuthorMode::Off,
                })),
                _ => Err("pathlight('author', on) needs true or false, e.g. pathlight('author', true).".into()),
            },
            other => Err(format!("unknown command '{other}'. Known commands: {KNOWN}.")),
        }
    }
}

// The options as the host writes them; a misspelt one is refused by name.

impl FromJson for InitOptions {
    fn from_json(value: &Json) -> Result<InitOptions, Mismatch> {
        if *value == Json::Null {
            return Ok(InitOptions::default());
        }
        let f = value.fields()?;
        f.only(&[
            "lessons",
            "user",
            "locale",
            "theme",
            "progress",
            "suggestions",
            "autoOpen",
            "author",
            "collect",
        ])?;
        // The learner's wasm: its loader hands an init with `author` to the author build, so
        // it only refuses a wrong value by name.
        #[cfg(not(any(feature = "author", not(target_arch = "wasm32"))))]
        let _: Option<bool> = f.optional("author")?;
        let _: Option<Collect> = f.optional("collect")?;
        Ok(InitOptions {
            lessons: f.optional("lessons")?,
            user: f.optional("user")?,
            locale: f.optional("locale")?,
            theme: f.optional("theme")?,
            progress: f.optional("progress")?,
            suggestions: f.optional("suggestions")?,
            auto_open: f.optional("autoOpen")?,
            #[cfg(any(feature = "author", not(target_arch = "wasm32")))]
            author: f.optional("author")?,
        })
    }
}

#[cfg(any(feature = "author", not(target_arch = "wasm32")))]
impl FromJson for AuthorMode {
    fn from_json(value: &Json) -> Result<AuthorMode, Mismatch> {
        match value {
            Json::Bool(false) => Ok(AuthorMode::Off),
            Json::Bool(true) => Ok(AuthorMode::On),
            _ => {
                let f = value.fields()?;
                f.only(&["lessons"])?;
                f.required("lessons").map(AuthorMode::Preview)
            }
        }
    }
}

impl FromJson for Theme {
    fn from_json(value: &Json) -> Result<Theme, Mismatch> {
        let themes = [
            ("auto", Theme::Auto),
            ("light", Theme::Light),
            ("dark", Theme::Dark),
        ];
        value.name_of("theme", &themes)
    }
}

impl FromJson for User {
    fn from_json(value: &Json) -> Result<User, Mismatch> {
        let f = value.fields()?;
        f.only(&["id", "traits"])?;
        Ok(User {
            id: f.optional("id")?,
            traits: f.or_default("traits")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `json!` in our tree, as the edge hands calls over.
    macro_rules! json {
        ($($t:tt)*) => {
            crate::support::json::parse(&serde_json::json!($($t)*).to_string()).unwrap()
        };
    }

    #[test]
    fn parses_the_documented_init_call() {
        let call = json!(["init", { "lessons": "/lessons.json", "user": { "id": "u1", "traits": { "role": "admin" } }, "theme": "dark", "locale": "de" }]);
        let Command::Init(opts) = Command::parse(&call).unwrap() else {
            panic!()
        };
        assert_eq!(opts.lessons.as_deref(), Some("/lessons.json"));
        assert_eq!(opts.user.unwrap().traits["role"], Json::from("admin"));
        assert_eq!(opts.theme, Some(Theme::Dark));
        assert_eq!(opts.locale.as_deref(), Some("de"));
    }

    #[test]
    fn a_misspelt_option_is_named_in_the_error() {
        let err = Command::parse(&json!(["init", { "lesons": "/x.json" }])).unwrap_err();
        assert!(err.contains("lesons"), "{err}");
    }

    #[test]
    fn identify_takes_an_id_and_optional_traits() {
        let call = json!(["identify", "u2", { "plan": "trial" }]);
        let Command::Identify(user) = Command::parse(&call).unwrap() else {
            panic!()
        };
        assert_eq!(user.id.as_deref(), Some("u2"));
        assert_eq!(user.traits["plan"], Json::from("trial"));
        assert!(matches!(
            Command::parse(&json!(["identify", "u3"])),
            Ok(Command::Identify(_))
        ));
        assert!(Command::parse(&json!(["identify", "u3", "admin"])).is_err());
        assert!(Command::parse(&json!(["identify"])).is_err());
    }

    #[test]
    fn set_goals_needs_an_array_of_ids() {
        assert_eq!(
            Command::parse(&json!(["setGoals", ["a", "b"]])),
            Ok(Command::SetGoals(vec!["a".into(), "b".into()]))
        );
        assert!(Command::parse(&json!(["setGoals", "a"])).is_err());
    }

    #[test]
    fn on_and_off_name_a_known_event() {
        assert_eq!(
            Command::parse(&json!(["on", "completed", null])),
            Ok(Command::On(EventKind::Completed))
        );
        let err = Command::parse(&json!(["on", "complete"])).unwrap_err();
        assert!(err.contains("completed"), "{err}");
    }

    #[test]
    fn author_mode_is_an_init_option_and_a_call_taking_a_boolean_or_a_pack_to_preview() {
        assert_eq!(
            Command::parse(&json!(["init", { "lessons": "/l.json", "author": true }])),
            Ok(Command::Init(InitOptions {
                lessons: Some("/l.json".into()),
                author: Some(AuthorMode::On),
                ..InitOptions::default()
            }))
        );
        let dev = "http://127.0.0.1:7878/lessons.json";
        assert_eq!(
            Command::parse(&json!(["init", { "author": { "lessons": dev } }])),
            Ok(Command::Init(InitOptions {
                author: Some(AuthorMode::Preview(dev.into())),
                ..InitOptions::default()
            }))
        );
        assert!(Command::parse(&json!(["init", { "author": "yes" }])).is_err());
        // `collect` is the loader's too, and its mistakes are refused by name.
        assert!(Command::parse(&json!(["init", { "collect": { "url": "/c" } }])).is_ok());
        assert!(Command::parse(&json!(["init", { "collect": "/c" }])).is_err());
        assert!(Command::parse(&json!(["init", { "collect": { "uri": "/c" } }])).is_err());
        assert!(Command::parse(&json!(["init", { "author": { "lesson": dev } }])).is_err());
        assert_eq!(
            Command::parse(&json!(["author", false])),
            Ok(Command::Author(AuthorMode::Off))
        );
        assert_eq!(
            Command::parse(&json!(["author", { "lessons": dev }])),
            Ok(Command::Author(AuthorMode::Preview(dev.into())))
        );
        let err = Command::parse(&json!(["author", "yes"])).unwrap_err();
        assert!(err.contains("{ lessons }"), "{err}");
    }

    #[test]
    fn unknown_commands_list_the_known_ones() {
        let err = Command::parse(&json!(["opne", "x"])).unwrap_err();
        assert!(err.contains("opne") && err.contains("open"), "{err}");
        assert!(Command::parse(&json!([])).is_err());
        assert!(Command::parse(&json!(["open"])).is_err());
    }
}
