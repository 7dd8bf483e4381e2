//! Dates: reads a date written in any of the common forms ("14 November 2025",
//! "Nov. 14, 2025", "2025-11-14T09:00:00Z", "14/11/2025") as YYYY-MM-DD, and finds the first
//! such date in a line of text (a byline).
//!
//! What this file must not touch: it knows nothing of HTML, of extraction, RDF or the store;
//! it only reads strings.

/// "14 November 2025", "November 14, 2025", "2025-11-14", "14/11/2025" (day first), "2025-11-14T09:00:00Z" -> Some("2025-11-14"); anything else None. Used for Markdown front matter too.
///
/// Also accepted: abbreviated months ("14 Nov 2025", "Nov. 14, 2025"), ordinals ("14th"),
/// a leading weekday ("Friday, 14 November 2025"), "." or "-" between day-first numbers, and
/// "/" or "." between year-first numbers. The day must exist in that month.
pub fn normalise_date(s: &str) -> Option<String> {
    let s = s.trim();
    numeric_date(s).or_else(|| written_date(s))
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The first date written in `text`, e.g. "By Ann Lee · 14 November 2025" -> "2025-11-14".
pub(super) fn find_date_in_text(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    (0..words.len()).find_map(|i| {
        [3, 1].iter().find_map(|&width| {
            let window = words.get(i..i + width)?.join(" ");
            normalise_date(window.trim_matches(|c: char| !c.is_alphanumeric()))
        })
    })
}

/// "2025-11-14", "2025-11-14T09:00:00Z", "2025/11/14", "14/11/2025", "14.11.2025".
fn numeric_date(s: &str) -> Option<String> {
    let (date, time) = match s.find(['T', 't', ' ']) {
        Some(at) => (&s[..at], Some(&s[at + 1..])),
        None => (s, None),
    };
    if let Some(time) = time {
        let time_like = time.starts_with(|c: char| c.is_ascii_digit())
            && time
                .chars()
                .all(|c| c.is_ascii_digit() || ":.+-Zz".contains(c));
        if !time_like {
            return None;
        }
    }
    let sep = date.chars().find(|c| !c.is_ascii_digit())?;
    if !matches!(sep, '-' | '/' | '.') {
        return None;
    }
    let parts: Vec<&str> = date.split(sep).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    if ![a, b, c]
        .iter()
        .all(|p| !p.is_empty() && p.chars().all(|ch| ch.is_ascii_digit()))
    {
        return None;
    }
    if a.len() == 4 && b.len() <= 2 && c.len() <= 2 {
        ymd(a.parse().ok()?, b.parse().ok()?, c.parse().ok()?)
    } else if c.len() == 4 && a.len() <= 2 && b.len() <= 2 {
        ymd(c.parse().ok()?, b.parse().ok()?, a.parse().ok()?)
    } else {
        None
    }
}

/// "14 November 2025", "November 14, 2025", "Fri, 14th of Nov. 2025".
fn written_date(s: &str) -> Option<String> {
    let mut words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("of"))
        .collect();
    if words.first().is_some_and(|w| is_weekday(w)) {
        words.remove(0);
    }
    let [first, second, year] = words.as_slice() else {
        return None;
    };
    let year = parse_year(year)?;
    match (parse_day(first), month_number(second)) {
        (Some(day), Some(month)) => ymd(year, month, day),
        _ => ymd(year, month_number(first)?, parse_day(second)?),
    }
}

/// "14", "14th", "1st" -> the number.
fn parse_day(word: &str) -> Option<u32> {
    let lower = word.to_ascii_lowercase();
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| lower.strip_suffix(suffix))
        .unwrap_or(&lower);
    if digits.is_empty() || digits.len() > 2 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// "November", "Nov", "Nov.", "Sept" -> 11, 11, 11, 9.
fn month_number(word: &str) -> Option<u32> {
    let word = word.strip_suffix('.').unwrap_or(word).to_lowercase();
    if word.chars().count() < 3 {
        return None;
    }
    let index = MONTHS.iter().position(|m| m.starts_with(&word))?;
    u32::try_from(index + 1).ok()
}

fn is_weekday(word: &str) -> bool {
    let word = word.strip_suffix('.').unwrap_or(word).to_lowercase();
    word.chars().count() >= 3 && WEEKDAYS.iter().any(|d| d.starts_with(&word))
}

fn parse_year(word: &str) -> Option<u32> {
    if word.len() == 4 && word.chars().all(|c| c.is_ascii_digit()) {
        word.parse().ok()
    } else {
        None
    }
}

/// A valid calendar date as YYYY-MM-DD.
fn ymd(year: u32, month: u32, day: u32) -> Option<String> {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if (1000..=9999).contains(&year) && (1..=days).contains(&day) {
        Some(format!("{year:04}-{month:02}-{day:02}"))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_date_forms() {
        for (input, expected) in [
            ("14 November 2025", "2025-11-14"),
            ("November 14, 2025", "2025-11-14"),
            ("2025-11-14", "2025-11-14"),
            ("14/11/2025", "2025-11-14"),
            ("2025-11-14T09:00:00Z", "2025-11-14"),
            ("2025-11-14T23:30:00+02:00", "2025-11-14"),
            ("2025-11-14 09:00", "2025-11-14"),
            ("  14 Nov 2025 ", "2025-11-14"),
            ("Nov. 14, 2025", "2025-11-14"),
            ("14th November 2025", "2025-11-14"),
            ("1st of March 2024", "2024-03-01"),
            ("Friday, 14 November 2025", "2025-11-14"),
            ("Sept 3, 2024", "2024-09-03"),
            ("3.9.2024", "2024-09-03"),
            ("2024/09/03", "2024-09-03"),
            ("2024-02-29", "2024-02-29"),
        ] {
            assert_eq!(normalise_date(input).as_deref(), Some(expected), "{input}");
        }
        for input in [
            "",
            "yesterday",
            "14 November",
            "November 2025",
            "2025-02-29",
            "31/04/2025",
            "2025-13-01",
            "2025-11-14 at noon",
            "11/14/2025",
            "14 Novembre 2025x",
            "32 May 2025",
            "May 14 25",
            "1.2.3",
        ] {
            assert_eq!(normalise_date(input), None, "{input}");
        }
    }

    #[test]
    fn dates_are_found_inside_bylines() {
        assert_eq!(
            find_date_in_text("By Ann Lee · Friday 14 November 2025, 09:00").as_deref(),
            Some("2025-11-14")
        );
        assert_eq!(
            find_date_in_text("Updated (2025-01-31) by staff").as_deref(),
            Some("2025-01-31")
        );
        assert_eq!(find_date_in_text("No date here at all"), None);
    }
}
