//! Where progress is kept: the storage keys of a learner's progress through a pack, of
//! author mode's preview beside it, and of a corrupt value kept aside. Every key is made
//! here, so no two places can disagree on one.

/// What every key Pathlight stores under begins with.
const PREFIX: &str = "pathlight:";

/// Whether `key` is one of Pathlight's, so a change to it in another tab may concern us.
pub fn is_ours(key: &str) -> bool {
    key.starts_with(PREFIX)
}

/// The storage key of a learner's progress through a pack; `None` (or an empty id) is the
/// anonymous learner, whose key is the same on every visit to the same browser.
///
/// On identify, merge the anonymous progress into the user's with
/// [`Progress::merge`](crate::model::progress::Progress::merge), save it under the user's
/// key, then remove the anonymous key (unless the user's progress was
/// [`Stored::ReadOnly`](crate::model::progress::Stored::ReadOnly): then keep both as they are).
pub fn storage_key(pack: &str, user: Option<&str>) -> String {
    match user.filter(|id| !id.is_empty()) {
        Some(id) => format!("{PREFIX}{}:user:{}", escape(pack), escape(id)),
        None => format!("{PREFIX}{}:anonymous", escape(pack)),
    }
}

/// Ids may hold the separator: escaping it keeps two (pack, user) pairs from sharing a key.
fn escape(part: &str) -> String {
    part.replace('%', "%25").replace(':', "%3A")
}

/// Where a preview keeps the progress it simulates, beside the learner's own `key`.
pub fn preview_key(key: &str) -> String {
    format!("{key}:author-preview")
}

/// Where `user`'s progress in `pack` is stored, or a preview's beside it.
pub fn progress_key(pack: &str, user: Option<&str>, preview: bool) -> String {
    let key = storage_key(pack, user);
    match preview {
        true => preview_key(&key),
        false => key,
    }
}

/// Where author mode's panel keeps how the author left it (collapsed, and in which corner).
pub fn author_panel_key() -> String {
    format!("{PREFIX}author-panel")
}

/// Where to keep a corrupt value found under `key` before starting afresh: a key stamped
/// with the time, numbered when `taken` says that key is already used, so no earlier backup
/// is ever overwritten.
pub fn backup_key(key: &str, now: u64, taken: &dyn Fn(&str) -> bool) -> String {
    let stamped = format!("{key}:corrupt:{now}");
    let mut candidate = stamped.clone();
    let mut n = 1u32;
    while taken(&candidate) {
        n += 1;
        candidate = format!("{stamped}:{n}");
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_separate_packs_and_users_even_when_ids_hold_the_separator() {
        assert_eq!(
            storage_key("acme-ledger", Some("u1")),
            "pathlight:acme-ledger:user:u1"
        );
        assert_ne!(
            storage_key("a:user", Some("b")),
            storage_key("a", Some("user:b"))
        );
        assert_ne!(
            storage_key("a", Some("x:y")),
            storage_key("a", Some("x%3Ay"))
        );
    }

    #[test]
    fn the_anonymous_key_is_stable_and_distinct_from_any_user() {
        assert_eq!(storage_key("p", None), "pathlight:p:anonymous");
        assert_eq!(storage_key("p", Some("")), storage_key("p", None));
        assert_ne!(storage_key("p", Some("anonymous")), storage_key("p", None));
    }

    #[test]
    fn a_backup_key_never_overwrites_an_earlier_backup() {
        let key = "pathlight:p:anonymous";
        assert_eq!(
            backup_key(key, 42, &|_| false),
            "pathlight:p:anonymous:corrupt:42"
        );
        let taken = [
            "pathlight:p:anonymous:corrupt:42",
            "pathlight:p:anonymous:corrupt:42:2",
        ];
        assert_eq!(
            backup_key(key, 42, &|k| taken.contains(&k)),
            "pathlight:p:anonymous:corrupt:42:3"
        );
    }
}
