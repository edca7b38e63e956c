//! Days in UTC, and the ISO 8601 times of Segment's records: the report counts learners per
//! day, and a time crate would be a dependency for these few lines.

/// Milliseconds in a day.
pub const DAY_MS: i64 = 86_400_000;

/// The day `t` (milliseconds since the epoch) falls on, in UTC, counted from 1970-01-01.
pub fn day(t: i64) -> i64 {
    t.div_euclid(DAY_MS)
}

/// Days from 1970-01-01 to the civil date `y-m-d` (Howard Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of day `days` since 1970-01-01, as `YYYY-MM-DD`.
pub fn date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Milliseconds since the epoch of an ISO 8601 time with a date, a time and a zone:
/// `2026-12-01T10:00:00Z`, `2026-12-01T10:00:00.123+02:00`, `2026-12-01 10:00:00.5Z`.
pub fn parse_iso(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    let num = |from: usize, len: usize| -> Option<i64> {
        let digits = b.get(from..from + len)?;
        digits.iter().try_fold(0i64, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + i64::from(c - b'0'))
        })
    };
    let sep = |at: usize, c: &[u8]| b.get(at).is_some_and(|x| c.contains(x));
    if !(sep(4, b"-") && sep(7, b"-") && sep(10, b"Tt ") && sep(13, b":") && sep(16, b":")) {
        return None;
    }
    let (y, mo, d, h, mi, s) = (
        num(0, 4)?,
        num(5, 2)?,
        num(8, 2)?,
        num(11, 2)?,
        num(14, 2)?,
        num(17, 2)?,
    );
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || s > 60 {
        return None;
    }
    let mut at = 19;
    let mut ms = 0;
    if sep(at, b".,") {
        at += 1;
        let start = at;
        while b.get(at).is_some_and(u8::is_ascii_digit) {
            // Milliseconds: the first three digits, the rest dropped.
            if at - start < 3 {
                ms = ms * 10 + i64::from(b[at] - b'0');
            }
            at += 1;
        }
        if at == start {
            return None;
        }
        for _ in (at - start)..3 {
            ms *= 10;
        }
    }
    let offset = match b.get(at) {
        Some(b'Z' | b'z') if at + 1 == b.len() => 0,
        Some(sign @ (b'+' | b'-')) if sep(at + 3, b":") && at + 6 == b.len() => {
            let minutes = num(at + 1, 2)? * 60 + num(at + 4, 2)?;
            if *sign == b'+' {
                minutes
            } else {
                -minutes
            }
        }
        _ => return None,
    };
    let seconds = days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + s - offset * 60;
    Some(seconds * 1000 + ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_times_read_with_their_zone_and_milliseconds() {
        assert_eq!(parse_iso("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            parse_iso("2026-12-01T10:00:00.000Z"),
            Some(1_796_119_200_000)
        );
        assert_eq!(
            parse_iso("2026-12-01T12:00:00.5+02:00"),
            Some(1_796_119_200_500)
        );
        assert_eq!(
            parse_iso("2026-12-01T10:00:00.123456Z"),
            Some(1_796_119_200_123)
        );
        for bad in [
            "2026-12-01",
            "2026-13-01T00:00:00Z",
            "2026-12-01T10:00:00",
            "x",
        ] {
            assert_eq!(parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn days_are_utc_dates() {
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(date(day(1_796_119_200_000)), "2026-12-01");
        assert_eq!(date(day(951_782_400_000)), "2000-02-29");
        assert_eq!(date(-1), "1969-12-31");
    }
}
