//! A short fingerprint of a text, for telling two editions of it apart: the version of a
//! pack in collected records is the fingerprint of the pack file (docs/api.md, "Collecting
//! events").

/// FNV-1a, 32 bits, over the text's UTF-8. Not a secure hash: two editions of one pack
/// clash one time in four billion, and no one is trying to make them.
pub fn fingerprint(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |h: u32, b| {
        (h ^ b as u32).wrapping_mul(0x0100_0193)
    })
}

#[cfg(test)]
mod tests {
    use super::fingerprint;

    #[test]
    fn the_fingerprint_is_fnv_1a_and_tells_editions_apart() {
        // FNV-1a's published test vectors.
        assert_eq!(fingerprint(""), 0x811c_9dc5);
        assert_eq!(fingerprint("a"), 0xe40c_292c);
        assert_eq!(fingerprint("foobar"), 0xbf9c_f968);
        assert_ne!(fingerprint(r#"{"id":"p"}"#), fingerprint(r#"{"id":"q"}"#));
    }
}
