//! S28: time limits (时效指标). A target naming a date is a reverse (≤)
//! indicator on dates: met by any day of its span or earlier; late scores
//! W × T/A in days from 1 January of the target's year (S9 on elapsed
//! days), or 0 with the profile's `late = "zero"`.

use rust_decimal::Decimal;

use super::Decided;
use crate::expr::{self, Comparator, DateExpr};
use crate::num::{mul_div, round2};
use crate::profile::{LateRule, Profile};
use crate::report::decision::{Deadline, DeadlineOutcome, RowError, Rule, YearTaken};
use crate::report::{Direction, RowResult};

/// The years a date without one may take (S28), besides the other date's.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Years<'a> {
    /// The project's name, whose year is read only when a row needs it
    /// (most projects have no date without a year).
    pub name: Option<&'a str>,
    /// The current year (the caller's clock), if given.
    pub current: Option<i32>,
}

/// A common (non-leap) year for dates when no year is known at all.
const COMMON_YEAR: i32 = 2001;

/// S28: the target's date `limit` against the actual's date `done`.
pub(super) fn deadline(
    limit: &DateExpr,
    done: &DateExpr,
    w: Decimal,
    years: Years<'_>,
    profile: &Profile,
    r: &mut RowResult,
) -> Decided {
    r.direction = Some(Direction::Compare(Comparator::Le));
    let (limit_year, done_year, year) = match (limit.year, done.year) {
        (Some(t), Some(a)) => (t, a, YearTaken::Written),
        (Some(t), None) => (t, t, YearTaken::OtherDate(t)),
        (None, Some(a)) => (a, a, YearTaken::OtherDate(a)),
        (None, None) => {
            let fallback = match (years.name.and_then(expr::year_in), years.current) {
                (Some(y), _) => YearTaken::Project(y),
                (None, Some(now)) => YearTaken::LastYear(now.saturating_sub(1)),
                (None, None) => YearTaken::Unknown,
            };
            let y = match fallback {
                YearTaken::Project(y) | YearTaken::LastYear(y) | YearTaken::OtherDate(y) => y,
                YearTaken::Written | YearTaken::Unknown => COMMON_YEAR,
            };
            (y, y, fallback)
        }
    };
    let last = limit.last_day(limit_year);
    let first = done.first_day(done_year);
    let (score, outcome) = if first <= last {
        (w, DeadlineOutcome::Met)
    } else if profile.late == LateRule::Zero {
        (Decimal::ZERO, DeadlineOutcome::LateZero)
    } else {
        // Days from 1 January of the target's year: both ≥ 1 here (the
        // actual is after the limit, which is in that year).
        let (limit_day, done_day) = (last.day_from(last.year), first.day_from(last.year));
        let s = mul_div(w, Decimal::from(limit_day), Decimal::from(done_day)).ok_or(RowError::TooLarge)?;
        (s, DeadlineOutcome::Late { limit_day, done_day, score: round2(s) })
    };
    let decided = Deadline { weight: w, limit: last, done: first, done_span: done.period, year, outcome };
    Ok((score, Rule::Deadline(decided)))
}
