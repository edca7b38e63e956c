//! Dates of `days_since` traits: RFC 3339 text read as epoch milliseconds, without a date
//! library in the widget.

/// Milliseconds since the epoch of `2026-11-01`, `2026-11-01T10:00:00Z`,
/// `2026-11-01T10:00:00.5+02:00` or `2026-11-01 10:00`; no offset means UTC, as the
/// widget cannot know the host's intent. `None` for anything else.
pub fn epoch_ms(text: &str) -> Option<f64> {
    let b = text.trim().as_bytes();
    let num = |range: std::ops::Range<usize>| -> Option<i64> {
        let digits = b.get(range)?;
        digits
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| digits.iter().fold(0, |n, d| n * 10 + i64::from(d - b'0')))
    };
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    if !(1..=12).contains(&month) || !(1..=days_in_month(year, month)).contains(&day) {
        return None;
    }
    let mut ms = days_from_civil(year, month, day) as f64 * 86_400_000.0;
    let rest = &b[10..];
    if rest.is_empty() {
        return Some(ms);
    }
    if !matches!(rest[0], b'T' | b't' | b' ') {
        return None;
    }
    let (hour, minute) = (num(11..13)?, num(14..16)?);
    if b.get(13) != Some(&b':') || hour > 23 || minute > 59 {
        return None;
    }
    ms += (hour * 3_600_000 + minute * 60_000) as f64;
    let mut i = 16;
    if b.get(i) == Some(&b':') {
        let second = num(17..19).filter(|s| *s <= 60)?;
        ms += (second * 1000) as f64;
        i = 19;
        if b.get(i) == Some(&b'.') {
            let start = i + 1;
            i = start;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i == start {
                return None;
            }
            let fraction =
                crate::support::json::decimal(std::str::from_utf8(&b[start - 1..i]).ok()?)?;
            ms += fraction * 1000.0;
        }
    }
    match b.get(i..)? {
        [] | [b'Z' | b'z'] => Some(ms),
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let (h, m) = (num(i + 1..i + 3)?, num(i + 4..i + 6)?);
            if h > 23 || m > 59 {
                return None;
            }
            let offset = (h * 3_600_000 + m * 60_000) as f64;
            Some(if *sign == b'+' {
                ms - offset
            } else {
                ms + offset
            })
        }
        _ => None,
    }
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::epoch_ms;

    #[test]
    fn rfc_3339_dates_read_as_epoch_milliseconds() {
        assert_eq!(epoch_ms("1970-01-01"), Some(0.0));
        assert_eq!(epoch_ms("2026-11-01T10:00:00Z"), Some(1_793_527_200_000.0));
        assert_eq!(
            epoch_ms("2026-11-01T12:00:00+02:00"),
            Some(1_793_527_200_000.0)
        );
        assert_eq!(epoch_ms("2026-11-01 10:00"), Some(1_793_527_200_000.0));
        assert_eq!(
            epoch_ms("2026-11-01T10:00:00.250Z"),
            Some(1_793_527_200_250.0)
        );
        assert_eq!(epoch_ms("2024-02-29"), Some(1_709_164_800_000.0));
    }

    #[test]
    fn impossible_or_malformed_dates_are_none() {
        for bad in [
            "",
            "2026",
            "2026-13-01",
            "2025-02-29",
            "2026-11-01T25:00",
            "2026-11-01T10:00:00.Z",
            "2026-11-01X",
            "2026-11-01T10:00+2",
            "next tuesday",
            "2026-1-01",
        ] {
            assert_eq!(epoch_ms(bad), None, "{bad}");
        }
    }

    proptest::proptest! {
        #[test]
        fn no_text_breaks_the_date_reader(text in proptest::prelude::any::<String>(), dateish in "[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{0,4})?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?") {
            let _ = epoch_ms(&text);
            let _ = epoch_ms(&dateish);
        }
    }
}
