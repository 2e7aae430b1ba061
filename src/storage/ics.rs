//! iCalendar (RFC 5545) export of the reporting calendar: one all-day event per date, so a colleague can add
//! the council's reporting cycle to Outlook or any calendar. Text is escaped (`\`, `;`, `,`, new lines) and
//! lines are folded at 75 octets, with CRLF line endings as the standard asks.

use chrono::{DateTime, Days, Utc};

use crate::domain::assurance::reporting_calendar::CalendarEvent;

/// Escapes text for a property value.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\n' => escaped.push_str("\\n"),
            '\r' => {}
            other => escaped.push(other),
        }
    }
    escaped
}

/// Folds a content line: no line longer than 75 octets, continuations starting with a space, never splitting
/// a character.
fn fold(line: &str) -> String {
    let mut folded = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut octets = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if octets + width > 75 {
            folded.push_str("\r\n ");
            octets = 1;
        }
        folded.push(c);
        octets += width;
    }
    folded.push_str("\r\n");
    folded
}

/// A UID that stays the same for the same event, so importing the file again updates rather than doubles.
fn uid(event: &CalendarEvent, council: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in format!("{council}|{:?}|{}|{}", event.kind, event.date, event.title).bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{}-{hash:016x}@council-pmf", event.date.format("%Y%m%d"))
}

/// The calendar of `council` with `events`, stamped `now`.
pub fn to_ics(council: &str, events: &[CalendarEvent], now: DateTime<Utc>) -> String {
    let mut out = String::new();
    let mut line = |text: String| out.push_str(&fold(&text));
    line("BEGIN:VCALENDAR".to_owned());
    line("VERSION:2.0".to_owned());
    line("PRODID:-//Council PMF//Reporting calendar//EN".to_owned());
    line("CALSCALE:GREGORIAN".to_owned());
    line(format!(
        "X-WR-CALNAME:{}",
        escape(&format!("{council}: reporting calendar"))
    ));
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    for event in events {
        line("BEGIN:VEVENT".to_owned());
        line(format!("UID:{}", uid(event, council)));
        line(format!("DTSTAMP:{stamp}"));
        line(format!(
            "DTSTART;VALUE=DATE:{}",
            event.date.format("%Y%m%d")
        ));
        let next = event.date + Days::new(1);
        line(format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")));
        line(format!("SUMMARY:{}", escape(&event.title)));
        line(format!("DESCRIPTION:{}", escape(&event.detail)));
        line(format!("CATEGORIES:{}", escape(event.kind.label())));
        line("TRANSP:TRANSPARENT".to_owned());
        line("END:VEVENT".to_owned());
    }
    line("END:VCALENDAR".to_owned());
    out
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone};

    use super::*;
    use crate::domain::assurance::reporting_calendar::EventKind;

    fn event(title: &str) -> CalendarEvent {
        CalendarEvent {
            date: NaiveDate::from_ymd_opt(2026, 12, 14).unwrap(),
            kind: EventKind::CommitteeReport,
            title: title.to_owned(),
            detail: "Line one\nline two; with, punctuation \\ and all".to_owned(),
        }
    }

    #[test]
    fn each_event_is_an_all_day_vevent_with_escaped_text() {
        let now = Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap();
        let ics = to_ics("Wealdshire", &[event("Adults, Health: Q2 report")], now);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20261214\r\n"));
        assert!(ics.contains("DTEND;VALUE=DATE:20261215\r\n"));
        assert!(ics.contains("SUMMARY:Adults\\, Health: Q2 report\r\n"));
        assert!(
            ics.contains("DESCRIPTION:Line one\\nline two\\; with\\, punctuation \\\\ and all\r\n")
        );
        assert!(ics.contains("DTSTAMP:20261130T090000Z\r\n"));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
        assert!(
            !ics.replace("\r\n", "").contains('\n'),
            "only CRLF line endings"
        );
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_character() {
        let title = "Révision du cadre de performance ".repeat(6);
        let now = Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap();
        let ics = to_ics("Wealdshire", &[event(&title)], now);
        assert!(ics.split("\r\n").all(|line| line.len() <= 75));
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(&format!(
            "SUMMARY:{}",
            title.trim_end_matches(' ').to_owned() + " "
        )));
    }

    #[test]
    fn the_same_event_keeps_its_uid() {
        let a = uid(&event("Q2 report"), "Wealdshire");
        assert_eq!(a, uid(&event("Q2 report"), "Wealdshire"));
        assert_ne!(a, uid(&event("Q3 report"), "Wealdshire"));
        assert!(a.starts_with("20261214-") && a.ends_with("@council-pmf"));
    }
}
