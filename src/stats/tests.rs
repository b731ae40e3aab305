//! The figures on hand-built contacts. Corrections and withdrawals are
//! applied before counting; they are tested with a case file in `load`.

use super::*;

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn tokyo() -> Tz {
    "Asia/Tokyo".parse().unwrap()
}

fn params(now: &str) -> Params {
    Params {
        tz: tokyo(),
        now: utc(now),
        since: None,
        until: None,
        by: None,
        actions: Vec::new(),
    }
}

fn contact<'a>(
    at: &str,
    channel: Channel,
    sender: Option<&'a str>,
    address: Option<&'a str>,
    count: u64,
) -> Contact<'a> {
    Contact {
        seq: 0,
        at: Some(utc(at)),
        channel: Some(channel),
        sender,
        address,
        count,
        outgoing: false,
    }
}

fn action(seq: u64, kind: ActionKind, at: &str) -> Action {
    Action {
        seq,
        action: kind,
        at: utc(at),
        channel: None,
        address: None,
    }
}

#[test]
fn totals_respect_counts() {
    let s = compute(
        params("2026-11-30T12:00:00+09:00"),
        [
            contact(
                "2026-11-02T09:10:00+09:00",
                Channel::Phone,
                Some("山田"),
                None,
                3,
            ),
            contact(
                "2026-11-02T18:00:00+09:00",
                Channel::Sms,
                Some("山田"),
                None,
                1,
            ),
            contact(
                "2026-11-04T23:30:00+09:00",
                Channel::Phone,
                Some("山田"),
                None,
                2,
            ),
        ],
    );
    let t = &s.totals;
    assert_eq!((t.contacts, t.attempts), (3, 6));
    assert_eq!(
        t.first_contact.as_deref(),
        Some("2026-11-02T09:10:00+09:00")
    );
    assert_eq!(t.last_contact.as_deref(), Some("2026-11-04T23:30:00+09:00"));
    assert_eq!((t.days_covered, t.days_with_contact), (3, 2));
    assert_eq!(t.by_channel.get(Some(Channel::Phone)), 5);
    assert_eq!(t.by_channel.get(Some(Channel::Sms)), 1);
    assert_eq!(
        serde_json::to_value(t.by_channel).unwrap(),
        serde_json::json!({"phone": 5, "sms": 1})
    );
    // Three days: by day, with the empty day in between shown as 0.
    assert_eq!(s.by, By::Day);
    let days: Vec<(&str, u64)> = s
        .periods
        .iter()
        .map(|p| (p.period.as_str(), p.attempts))
        .collect();
    assert_eq!(
        days,
        [("2026-11-02", 4), ("2026-11-03", 0), ("2026-11-04", 2)]
    );
    assert_eq!(s.periods[0].by_channel.get(Some(Channel::Phone)), 3);
    assert_eq!(s.hour_of_day[9], 3);
    assert_eq!(s.hour_of_day[18], 1);
    assert_eq!(s.hour_of_day[23], 2);
    assert_eq!(s.hour_of_day.iter().sum::<u64>(), 6);
    // 2026-11-02 is a Monday, 11-04 a Wednesday.
    assert_eq!(s.day_of_week, [4, 0, 2, 0, 0, 0, 0]);
    assert_eq!(
        s.busiest_day,
        Some(DayCount {
            date: "2026-11-02".into(),
            attempts: 4
        })
    );
    assert_eq!(
        s.longest_run,
        Some(Run {
            days: 1,
            start: "2026-11-02".into(),
            end: "2026-11-02".into()
        })
    );
}

#[test]
fn iso_weeks_and_months_across_a_year_end() {
    let contacts = [
        // Thursday and Friday of ISO week 2026-W53, Monday of 2027-W01.
        contact("2026-12-31T10:00:00+09:00", Channel::Phone, None, None, 1),
        contact("2027-01-01T10:00:00+09:00", Channel::Line, None, None, 2),
        contact("2027-01-04T10:00:00+09:00", Channel::Phone, None, None, 4),
    ];
    let by = |by| {
        let mut p = params("2027-01-10T12:00:00+09:00");
        p.by = Some(by);
        compute(p, contacts)
    };
    let weeks = by(By::Week);
    let got: Vec<(&str, &str, &str, u64)> = weeks
        .periods
        .iter()
        .map(|p| {
            (
                p.period.as_str(),
                p.start.as_str(),
                p.end.as_str(),
                p.attempts,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("2026-W53", "2026-12-28", "2027-01-03", 3),
            ("2027-W01", "2027-01-04", "2027-01-10", 4)
        ]
    );
    let months = by(By::Month);
    let got: Vec<(&str, &str, u64)> = months
        .periods
        .iter()
        .map(|p| (p.period.as_str(), p.end.as_str(), p.attempts))
        .collect();
    assert_eq!(
        got,
        [("2026-12", "2026-12-31", 1), ("2027-01", "2027-01-31", 6)]
    );
    let days = by(By::Day);
    assert_eq!(days.periods.len(), 5);
    assert_eq!(days.periods[1].by_channel.get(Some(Channel::Line)), 2);
    assert_eq!(days.totals.days_covered, 5);
    // Two days in a row (Dec 31, Jan 1) is the longest run.
    assert_eq!(
        days.longest_run,
        Some(Run {
            days: 2,
            start: "2026-12-31".into(),
            end: "2027-01-01".into()
        })
    );
}

#[test]
fn days_and_hours_are_the_case_zone() {
    // 00:30 in Tokyo is 15:30 the day before in UTC.
    let c = [contact(
        "2026-11-19T15:30:00Z",
        Channel::Phone,
        None,
        None,
        1,
    )];
    let s = compute(params("2026-11-30T00:00:00Z"), c);
    assert_eq!(s.periods[0].period, "2026-11-20");
    assert_eq!(s.hour_of_day[0], 1);
    assert_eq!(s.day_of_week[4], 1, "2026-11-20 is a Friday");
    assert_eq!(
        s.totals.first_contact.as_deref(),
        Some("2026-11-20T00:30:00+09:00")
    );
    assert_eq!(s.time_zone, "Asia/Tokyo");

    // The same instant in New York is the afternoon of the 19th.
    let mut p = params("2026-11-30T00:00:00Z");
    p.tz = "America/New_York".parse().unwrap();
    let s = compute(p, c);
    assert_eq!(s.periods[0].period, "2026-11-19");
    assert_eq!(s.hour_of_day[10], 1);
}

#[test]
fn hours_follow_daylight_saving_changes() {
    // New York leaves daylight saving at 2026-11-01 06:00 UTC.
    let mut p = params("2026-11-30T00:00:00Z");
    p.tz = "America/New_York".parse().unwrap();
    let s = compute(
        p,
        [
            contact("2026-11-01T05:30:00Z", Channel::Phone, None, None, 1), // 01:30 EDT
            contact("2026-11-01T06:30:00Z", Channel::Phone, None, None, 1), // 01:30 EST
            contact("2026-11-01T07:30:00Z", Channel::Phone, None, None, 1), // 02:30 EST
        ],
    );
    assert_eq!(s.hour_of_day[1], 2);
    assert_eq!(s.hour_of_day[2], 1);
    assert_eq!(s.periods.len(), 1);
}

#[test]
fn senders_and_addresses_group_spellings_and_flag_new_ones_after_a_block() {
    let mut p = params("2026-11-30T00:00:00+09:00");
    p.actions = vec![
        action(5, ActionKind::Blocked, "2026-11-05T10:00:00+09:00"),
        action(9, ActionKind::Blocked, "2026-11-08T10:00:00+09:00"),
    ];
    let s = compute(
        p,
        [
            contact(
                "2026-11-02T09:00:00+09:00",
                Channel::Phone,
                Some("山田 課長"),
                Some("090-1234-5678"),
                2,
            ),
            contact(
                "2026-11-03T09:00:00+09:00",
                Channel::Sms,
                Some("山田　課長"),
                Some("09012345678"),
                1,
            ),
            contact(
                "2026-11-06T09:00:00+09:00",
                Channel::Phone,
                Some("山田 課長"),
                Some("080-9999-0000"),
                1,
            ),
            contact(
                "2026-11-09T09:00:00+09:00",
                Channel::Sns,
                Some("YAMADA"),
                Some("@Yamada_Boss"),
                1,
            ),
            contact(
                "2026-11-10T09:00:00+09:00",
                Channel::Sns,
                Some("yamada"),
                Some("@yamada_boss"),
                1,
            ),
            contact("2026-11-10T12:00:00+09:00", Channel::Visit, None, None, 1),
        ],
    );
    let senders: Vec<(Option<&str>, u64, Vec<&str>)> = s
        .senders
        .iter()
        .map(|p| (p.name.as_deref(), p.seen.attempts, p.seen.channels.clone()))
        .collect();
    assert_eq!(
        senders,
        [
            (Some("山田 課長"), 4, vec!["phone", "sms"]),
            (Some("YAMADA"), 2, vec!["sns"]),
            (None, 1, vec!["visit"]),
        ]
    );
    assert_eq!(s.senders[0].seen.first_seen, "2026-11-02T09:00:00+09:00");
    assert_eq!(s.senders[0].seen.last_seen, "2026-11-06T09:00:00+09:00");
    let addresses: Vec<(Option<&str>, u64, Option<u64>)> = s
        .addresses
        .iter()
        .map(|a| (a.address.as_deref(), a.seen.attempts, a.new_after_block))
        .collect();
    assert_eq!(
        addresses,
        [
            (Some("090-1234-5678"), 3, None),
            (Some("@Yamada_Boss"), 2, Some(9)),
            (Some("080-9999-0000"), 1, Some(5)),
            (None, 1, None),
        ]
    );
    assert_eq!(s.addresses[1].seen.last_seen, "2026-11-10T09:00:00+09:00");
}

#[test]
fn before_and_after_refusals_and_blocks() {
    let mut p = params("2026-11-15T09:00:00+09:00");
    p.actions = vec![
        action(3, ActionKind::Refused, "2026-11-08T09:00:00+09:00"),
        action(4, ActionKind::Consulted, "2026-11-09T09:00:00+09:00"),
    ];
    let s = compute(
        p,
        [
            contact("2026-11-01T09:00:00+09:00", Channel::Phone, None, None, 7),
            contact("2026-11-08T09:00:00+09:00", Channel::Phone, None, None, 1),
            contact("2026-11-10T09:00:00+09:00", Channel::Phone, None, None, 13),
        ],
    );
    assert_eq!(s.actions.len(), 1, "only refusals and blocks");
    let a = &s.actions[0];
    assert_eq!((a.seq, a.action), (3, ActionKind::Refused));
    // Before: 7 attempts in the 7 days from the first contact.
    assert_eq!(a.before.start, "2026-11-01T09:00:00+09:00");
    assert_eq!(
        (a.before.days, a.before.attempts, a.before.per_week),
        (7.0, 7, 7.0)
    );
    // After (a contact at the same instant counts as after): 14 in 7 days to now.
    assert_eq!(a.after.end, "2026-11-15T09:00:00+09:00");
    assert_eq!(
        (a.after.days, a.after.attempts, a.after.per_week),
        (7.0, 14, 14.0)
    );
}

#[test]
fn rates_over_short_and_empty_spans_do_not_divide_by_zero() {
    // Refused before any contact, and blocked at the very moment of "now".
    let mut p = params("2026-11-10T09:00:00+09:00");
    p.actions = vec![
        action(1, ActionKind::Refused, "2026-11-01T09:00:00+09:00"),
        action(9, ActionKind::Blocked, "2026-11-10T08:59:59+09:00"),
    ];
    let s = compute(
        p,
        [contact(
            "2026-11-10T08:00:00+09:00",
            Channel::Phone,
            None,
            None,
            3,
        )],
    );
    let refused = &s.actions[0];
    assert_eq!(
        (
            refused.before.days,
            refused.before.attempts,
            refused.before.per_week
        ),
        (0.0, 0, 0.0)
    );
    assert_eq!(refused.after.attempts, 3);
    let blocked = &s.actions[1];
    // One second after: counted as a whole day, 0 attempts.
    assert_eq!(
        (
            blocked.after.days,
            blocked.after.attempts,
            blocked.after.per_week
        ),
        (0.0, 0, 0.0)
    );
    // Before: 59m59s from the first contact, counted as one day: 3 × 7.
    assert_eq!(blocked.before.per_week, 21.0);
    for a in &s.actions {
        assert!(a.before.per_week.is_finite() && a.after.per_week.is_finite());
    }
}

#[test]
fn actions_outside_the_period_are_left_out() {
    let mut p = params("2026-11-30T09:00:00+09:00");
    p.since = Some(utc("2026-11-10T00:00:00+09:00"));
    p.until = Some(utc("2026-11-20T00:00:00+09:00"));
    p.actions = vec![
        action(1, ActionKind::Refused, "2026-11-01T09:00:00+09:00"),
        action(2, ActionKind::Blocked, "2026-11-15T09:00:00+09:00"),
        action(3, ActionKind::Blocked, "2026-11-25T09:00:00+09:00"),
    ];
    let s = compute(
        p,
        [contact(
            "2026-11-12T08:00:00+09:00",
            Channel::Phone,
            None,
            None,
            2,
        )],
    );
    assert_eq!(s.actions.len(), 1);
    let a = &s.actions[0];
    assert_eq!(a.seq, 2);
    // Before runs from --since, after up to --until.
    assert_eq!(a.before.start, "2026-11-10T00:00:00+09:00");
    assert_eq!(a.after.end, "2026-11-20T00:00:00+09:00");
    assert_eq!((a.before.attempts, a.after.attempts), (2, 0));
    // Every day of the period is listed, the empty ones too.
    assert_eq!(
        s.periods.first().map(|p| p.period.as_str()),
        Some("2026-11-10")
    );
    assert_eq!(
        s.periods.last().map(|p| p.period.as_str()),
        Some("2026-11-19")
    );
    assert_eq!(s.since.as_deref(), Some("2026-11-10T00:00:00+09:00"));
}

#[test]
fn busiest_day_and_longest_run_take_the_earliest_on_a_tie() {
    let s = compute(
        params("2026-11-30T09:00:00+09:00"),
        [
            contact("2026-11-01T09:00:00+09:00", Channel::Phone, None, None, 2),
            contact("2026-11-02T09:00:00+09:00", Channel::Phone, None, None, 1),
            contact("2026-11-05T09:00:00+09:00", Channel::Phone, None, None, 2),
            contact("2026-11-06T09:00:00+09:00", Channel::Phone, None, None, 1),
            contact("2026-11-10T09:00:00+09:00", Channel::Phone, None, None, 1),
            contact("2026-11-11T09:00:00+09:00", Channel::Phone, None, None, 1),
            contact("2026-11-12T09:00:00+09:00", Channel::Phone, None, None, 1),
        ],
    );
    assert_eq!(
        s.busiest_day.as_ref().map(|d| d.date.as_str()),
        Some("2026-11-01")
    );
    assert_eq!(
        s.longest_run,
        Some(Run {
            days: 3,
            start: "2026-11-10".into(),
            end: "2026-11-12".into()
        })
    );
    assert_eq!(s.by, By::Day);
}

#[test]
fn trend_compares_the_last_four_weeks_with_the_four_before() {
    let now = "2026-11-29T12:00:00+09:00";
    let contacts = [
        // Previous 4 weeks: 2026-10-04 12:00 to 2026-11-01 12:00.
        contact("2026-10-04T12:00:00+09:00", Channel::Phone, None, None, 2),
        contact("2026-10-20T12:00:00+09:00", Channel::Phone, None, None, 2),
        // Last 4 weeks: 2026-11-01 12:00 to now.
        contact("2026-11-01T12:00:00+09:00", Channel::Phone, None, None, 5),
        // Before both.
        contact("2026-10-01T12:00:00+09:00", Channel::Phone, None, None, 9),
    ];
    let s = compute(params(now), contacts);
    let t = &s.trend;
    assert_eq!(t.last_4_weeks.start, "2026-11-01T12:00:00+09:00");
    assert_eq!(t.previous_4_weeks.start, "2026-10-04T12:00:00+09:00");
    assert_eq!(
        (t.last_4_weeks.attempts, t.previous_4_weeks.attempts),
        (5, 4)
    );
    assert_eq!(t.change_percent, Some(25.0));
    assert!(t.complete);
    // 2026-10-01 to 11-01: 32 days, counted in weeks.
    assert_eq!(s.by, By::Week);

    let mut p = params(now);
    p.since = Some(utc("2026-10-10T00:00:00+09:00"));
    let s = compute(p, contacts);
    assert!(!s.trend.complete);
    assert_eq!(s.trend.previous_4_weeks.attempts, 2);

    let s = compute(params(now), [contacts[2]]);
    assert_eq!(s.trend.change_percent, None);
}

#[test]
fn outgoing_and_undated_contacts_are_not_attempts() {
    let mut sent = contact("2026-11-02T09:00:00+09:00", Channel::Email, None, None, 1);
    sent.outgoing = true;
    let mut undated = contact("2026-11-02T09:00:00+09:00", Channel::Phone, None, None, 4);
    undated.at = None;
    let s = compute(
        params("2026-11-30T09:00:00+09:00"),
        [
            sent,
            undated,
            contact("2026-11-03T09:00:00+09:00", Channel::Phone, None, None, 1),
        ],
    );
    let t = &s.totals;
    assert_eq!((t.contacts, t.attempts), (1, 1));
    assert_eq!((t.outgoing_excluded, t.undated_contacts), (1, 1));
    assert_eq!(s.senders.len(), 1);
}

#[test]
fn nothing_to_count() {
    let s = compute(params("2026-11-30T09:00:00+09:00"), []);
    assert_eq!(s.totals.contacts, 0);
    assert_eq!(s.totals.days_covered, 0);
    assert!(s.periods.is_empty() && s.senders.is_empty() && s.addresses.is_empty());
    assert_eq!(s.busiest_day, None);
    assert_eq!(s.longest_run, None);
    assert_eq!(s.trend.change_percent, None);
    assert_eq!(s.by, By::Day);
    // Serialises without NaN or infinity.
    assert!(serde_json::to_string(&s).is_ok());
}

#[test]
fn period_words_are_forgiving() {
    assert_eq!(By::parse("Week"), Ok(By::Week));
    assert_eq!(By::parse("週"), Ok(By::Week));
    assert_eq!(By::parse("ｍｏｎｔｈ"), Ok(By::Month));
    assert_eq!(By::parse("日"), Ok(By::Day));
    assert!(By::parse("year").is_err());
    assert_eq!(By::for_span(31), By::Day);
    assert_eq!(By::for_span(32), By::Week);
    assert_eq!(By::for_span(400), By::Month);
}

#[test]
fn absurd_counts_saturate_instead_of_overflowing() {
    let s = compute(
        params("2026-11-30T09:00:00+09:00"),
        [
            contact(
                "2026-11-02T09:00:00+09:00",
                Channel::Phone,
                None,
                None,
                u64::MAX,
            ),
            contact("2026-11-02T10:00:00+09:00", Channel::Phone, None, None, 5),
        ],
    );
    assert_eq!(s.totals.attempts, u64::MAX);
    assert_eq!(s.periods[0].attempts, u64::MAX);
    assert!(serde_json::to_string(&s).is_ok());
}

/// The counter keeps the current day, the slot between actions and the
/// kind of each spelling aside between contacts; the figures must not
/// depend on the order the contacts come in (corrected entries come last,
/// out of time order).
#[test]
fn the_order_of_contacts_does_not_change_the_figures() {
    let mut p = params("2026-11-30T12:00:00+09:00");
    p.actions = vec![
        action(10, ActionKind::Refused, "2026-11-03T12:00:00+09:00"),
        action(11, ActionKind::Blocked, "2026-11-05T12:00:00+09:00"),
    ];
    let mut contacts = vec![
        contact(
            "2026-11-02T09:00:00+09:00",
            Channel::Phone,
            Some("山田"),
            Some("非通知"),
            2,
        ),
        contact(
            "2026-11-02T10:00:00+09:00",
            Channel::Sms,
            Some("非通知"),
            None,
            1,
        ),
        contact(
            "2026-11-04T09:00:00+09:00",
            Channel::Phone,
            Some("佐藤"),
            Some("  "),
            1,
        ),
        contact(
            "2026-11-04T23:59:00+09:00",
            Channel::Phone,
            Some("山田"),
            Some("-2"),
            3,
        ),
        contact(
            "2026-11-06T00:00:00+09:00",
            Channel::Phone,
            None,
            Some("公衆電話"),
            1,
        ),
        contact(
            "2026-11-06T08:00:00+09:00",
            Channel::Email,
            Some("山田"),
            Some("a@example.jp"),
            1,
        ),
    ];
    let in_order = compute(p.clone(), contacts.clone());
    assert_eq!(in_order.totals.hidden_callers.withheld, 6);
    assert_eq!(in_order.totals.hidden_callers.payphone, 1);
    assert_eq!(in_order.actions[0].before.attempts, 3);
    assert_eq!(in_order.actions[1].after.attempts, 2);
    assert_eq!(in_order.totals.days_with_contact, 3);
    contacts.reverse();
    contacts.swap(1, 4);
    let shuffled = compute(p, contacts);
    // Everything but which spelling of a group counts as written first.
    assert_eq!(shuffled.totals, in_order.totals);
    assert_eq!(shuffled.periods, in_order.periods);
    assert_eq!(shuffled.actions, in_order.actions);
    assert_eq!(shuffled.senders, in_order.senders);
    assert_eq!(shuffled.hour_of_day, in_order.hour_of_day);
    assert_eq!(shuffled.day_of_week, in_order.day_of_week);
    assert_eq!(shuffled.busiest_day, in_order.busiest_day);
    let seen = |s: &Stats| -> Vec<(Seen, Option<&'static str>)> {
        s.addresses
            .iter()
            .map(|a| (a.seen.clone(), a.kind))
            .collect()
    };
    assert_eq!(seen(&shuffled), seen(&in_order));
}

mod merge {
    use proptest::prelude::*;

    use super::*;

    const SENDERS: &[Option<&str>] = &[
        None,
        Some("山田 課長"),
        Some("山田　課長"),
        Some("佐藤"),
        Some("非通知"),
        Some("  "),
    ];
    const ADDRESSES: &[Option<&str>] = &[
        None,
        Some("090-1234-5678"),
        Some("09012345678"),
        Some("非通知"),
        Some("-2"),
        Some("公衆電話"),
        Some("A@Example.jp"),
        Some("a@example.jp"),
    ];

    /// A contact from small numbers: minutes after a start (or none),
    /// channel, sender, address, count, outgoing.
    fn contact_of(
        (minute, channel, sender, address, count, outgoing): (
            Option<i64>,
            usize,
            usize,
            usize,
            u64,
            bool,
        ),
    ) -> Contact<'static> {
        let start = utc("2026-10-01T00:00:00+09:00");
        Contact {
            seq: 0,
            at: minute.map(|m| start + Duration::minutes(m)),
            channel: Channel::ALL.get(channel).copied(),
            sender: SENDERS[sender % SENDERS.len()],
            address: ADDRESSES[address % ADDRESSES.len()],
            count,
            outgoing,
        }
    }

    fn contacts() -> impl Strategy<Value = Vec<Contact<'static>>> {
        let one = (
            prop::option::weighted(0.95, 0..90 * 24 * 60i64),
            0..Channel::ALL.len() + 1,
            0..SENDERS.len(),
            0..ADDRESSES.len(),
            1..4u64,
            prop::bool::weighted(0.1),
        );
        prop::collection::vec(one.prop_map(contact_of), 0..60)
    }

    fn params_with(actions: Vec<(i64, bool)>, period: Option<(i64, i64)>) -> Params {
        let start = utc("2026-10-01T00:00:00+09:00");
        let mut p = params("2026-12-31T12:00:00+09:00");
        p.actions = actions
            .into_iter()
            .enumerate()
            .map(|(i, (m, blocked))| Action {
                seq: 1000 + i as u64,
                action: if blocked {
                    ActionKind::Blocked
                } else {
                    ActionKind::Refused
                },
                at: start + Duration::minutes(m),
                channel: None,
                address: None,
            })
            .collect();
        if let Some((a, b)) = period {
            p.since = Some(start + Duration::minutes(a.min(b)));
            p.until = Some(start + Duration::minutes(a.max(b)));
        }
        p
    }

    proptest! {
        /// Counting a list in contiguous parts and merging them in order
        /// gives exactly the figures of counting it whole, in any order
        /// of contacts, spellings shown included.
        #[test]
        fn merged_parts_count_as_the_whole(
            contacts in contacts(),
            actions in prop::collection::vec((0..90 * 24 * 60i64, any::<bool>()), 0..6),
            period in prop::option::of((0..90 * 24 * 60i64, 0..90 * 24 * 60i64)),
            cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..5),
            sorted in any::<bool>(),
        ) {
            let mut contacts = contacts;
            if sorted {
                contacts.sort_by_key(|c| c.at);
            }
            let p = params_with(actions, period);
            let whole = compute(p.clone(), contacts.clone());

            let mut cuts: Vec<usize> = cuts.iter().map(|i| i.index(contacts.len() + 1)).collect();
            cuts.sort_unstable();
            let mut merged = Counter::new(p);
            let mut start = 0;
            for end in cuts.into_iter().chain([contacts.len()]) {
                let mut part = merged.part();
                for c in &contacts[start..end] {
                    part.add(c);
                }
                merged.merge(part);
                start = end;
            }
            prop_assert_eq!(merged.finish(), whole);
        }
    }

    /// A part merged into a counter that has counted already, then more
    /// counted after: still the figures of one pass.
    #[test]
    fn counting_goes_on_after_a_merge() {
        let c = |at: &str, sender: &'static str, address: &'static str| {
            contact(at, Channel::Phone, Some(sender), Some(address), 1)
        };
        let list = [
            c("2026-11-02T09:00:00+09:00", "山田　課長", "090-1234-5678"),
            c("2026-11-02T10:00:00+09:00", "山田 課長", "09012345678"),
            c("2026-11-03T10:00:00+09:00", "佐藤", "非通知"),
            c("2026-11-02T11:00:00+09:00", "佐藤", "-2"),
        ];
        let p = params("2026-11-30T12:00:00+09:00");
        let whole = compute(p.clone(), list);
        let mut counter = Counter::new(p);
        counter.add(&list[0]);
        let mut part = counter.part();
        part.add(&list[1]);
        part.add(&list[2]);
        counter.merge(part);
        counter.add(&list[3]);
        let merged = counter.finish();
        assert_eq!(merged.senders[0].name.as_deref(), Some("山田　課長"));
        assert_eq!(
            merged.addresses[0].address.as_deref(),
            Some("090-1234-5678")
        );
        assert_eq!(merged, whole);
    }
}
