//! S14–S17: qualitative rows — the level (given, or inferred from the
//! actual text), the manual score inside its band, or the level's points.

use rust_decimal::Decimal;

use super::Decided;
use crate::expr;
use crate::model::IndicatorInput;
use crate::profile::Profile;
use crate::report::decision::{Band, Flag, LevelSource, QualPoints, Qualitative, RowError, Rule};
use crate::report::{Direction, Level, RowResult};

/// The levels a score can fall in, best first (S14).
const LEVELS: [Level; 3] = [Level::Achieved, Level::Partial, Level::NotAchieved];

/// S17 (3): words that say a target was not met (not a bare 未:
/// "未发生安全事故" is a good outcome).
const NOT_MET: [&str; 7] = ["未完成", "未达成", "未达到", "未实现", "未开展", "没有完成", "没有达到"];

/// S17 (3): an actual that is only this word is 未达成.
const NO: &str = "否";

/// S17 (4): words that say a target was partly met.
const PARTLY: [&str; 2] = ["部分", "基本"];

/// S17 (5): actuals that say a target was met.
const MET: [&str; 9] = ["100%", "完成", "已完成", "达成", "达到", "是", "按时完成", "有效", "显著提升"];

/// S14: the band of a level for weight `w`.
pub fn band(profile: &Profile, level: Level, w: Decimal) -> Band {
    let q = &profile.qualitative;
    let (low, high) = match level {
        Level::Achieved => (q.achieved_min.saturating_mul(w), w),
        Level::Partial => (q.partial_min.saturating_mul(w), q.achieved_min.saturating_mul(w)),
        _ => (Decimal::ZERO, q.partial_min.saturating_mul(w)),
    };
    Band { level, low, high }
}

fn in_band(b: Band, s: Decimal) -> bool {
    s >= b.low && (s < b.high || (b.level == Level::Achieved && s <= b.high))
}

/// S14–S17: a qualitative row.
pub(super) fn qualitative(ind: &IndicatorInput, w: Decimal, profile: &Profile, r: &mut RowResult) -> Decided {
    r.direction = Some(Direction::Qualitative);
    // The level: the 完成情况 column or a page edit; else inferred (S17).
    let given = ind.level.as_deref().map(str::trim).filter(|l| !l.is_empty());
    let (level, how) = match given {
        Some(text) => match level_label(text) {
            Some(l) if ind.edited.level => (Some(l), LevelSource::Chosen),
            Some(l) => (Some(l), LevelSource::Column),
            None if text == Level::Pending.label() => (None, LevelSource::Unstated),
            None => return Err(RowError::LevelUnknown(text.to_owned())),
        },
        None => (infer_level(&ind.target, &ind.actual), LevelSource::Actual(ind.actual.trim().into())),
    };
    let manual = match ind.score.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(t) => Some(expr::parse_number(t).ok_or_else(|| RowError::ScoreNotNumber(t.to_owned()))?),
        None => None,
    };
    let level = match (level, manual) {
        (Some(l), _) => {
            r.level_inferred = given.is_none();
            l
        }
        // A manual score places a row whose text cannot be read in the band that holds it.
        (None, Some(s)) if s >= Decimal::ZERO && s <= w => {
            let l = LEVELS.into_iter().find(|l| in_band(band(profile, *l, w), s)).unwrap_or(Level::NotAchieved);
            r.level_inferred = true;
            r.flags.push(Flag::LevelFromScore { score: s, level: l });
            l
        }
        _ => {
            // S17: never award points for text it cannot read.
            r.level = Some(Level::Pending);
            return Ok((Decimal::ZERO, Rule::Pending { actual: ind.actual.trim().into() }));
        }
    };
    r.level = Some(level);
    // A level chosen in the page over the form's own 得分 (none typed in the page).
    let chosen_over_form = how == LevelSource::Chosen && !ind.edited.score;
    let basis = ind.basis.as_deref().map(str::trim).filter(|b| !b.is_empty()).map(str::to_owned);
    let decided = |points| Rule::Qualitative(Qualitative { level, how, weight: w, points, basis });
    if let Some(score) = manual {
        // S16: a manual score inside its level's band is kept.
        let band = band(profile, level, w);
        if in_band(band, score) {
            return Ok((score, decided(QualPoints::Manual { score, band, typed: ind.edited.score })));
        }
        // Outside it is an error, unless the user chose the level over the
        // form's figure: the choice decides (S15), the figure is compared (S31).
        if !chosen_over_form {
            return Err(RowError::OutOfBand { score, band });
        }
    }
    // S15: default points of the level.
    let q = &profile.qualitative;
    let factor = match level {
        Level::Achieved => q.achieved_points,
        Level::Partial => q.partial_points,
        _ => q.not_achieved_points,
    };
    let score = w.saturating_mul(factor);
    let lost = w.saturating_sub(crate::num::round2(score));
    if lost.is_zero() {
        return Ok((score, decided(QualPoints::Full)));
    }
    Ok((score, decided(QualPoints::Share { factor, score, lost })))
}

/// The level labels: S14's full and short forms, and the wordings of
/// published forms (INPUT.md, level vocabulary): the national form's
/// 达成预期指标 / 部分达成预期指标 / 未达成预期指标, 已达成, 完全达成,
/// 全部完成, and 基本达成 (→ 部分达成).
const LEVEL_LABELS: &[(&str, Level)] = &[
    ("达成年度指标", Level::Achieved),
    ("达成", Level::Achieved),
    ("达成预期指标", Level::Achieved),
    ("已达成", Level::Achieved),
    ("完全达成", Level::Achieved),
    ("全部完成", Level::Achieved),
    ("部分达成年度指标并具有一定效果", Level::Partial),
    ("部分达成", Level::Partial),
    ("部分达成预期指标", Level::Partial),
    ("基本达成", Level::Partial),
    ("未达成年度指标且效果较差", Level::NotAchieved),
    ("未达成", Level::NotAchieved),
    ("未达成预期指标", Level::NotAchieved),
];

/// A level label (S14 and the level vocabulary), after normalising.
fn level_label(text: &str) -> Option<Level> {
    let t = expr::normalize(text);
    LEVEL_LABELS.iter().find(|(label, _)| *label == t.as_ref()).map(|(_, l)| *l)
}

/// S17: infer the level from the actual text, in the rule's order.
fn infer_level(target: &str, actual: &str) -> Option<Level> {
    let a = expr::normalize(actual);
    // (1) the level labels themselves
    if let Some(l) = level_label(&a) {
        return Some(l);
    }
    // (2) actual equal to target after normalising punctuation
    // (`a` is normalised already: normalising is idempotent.)
    if bare(&a).next().is_some() && bare(&a).eq(bare(&expr::normalize(target))) {
        return Some(Level::Achieved);
    }
    // (3) not achieved
    if a == NO || NOT_MET.iter().any(|k| a.contains(k)) {
        return Some(Level::NotAchieved);
    }
    // (4) partial
    if PARTLY.iter().any(|k| a.contains(k)) {
        return Some(Level::Partial);
    }
    // (5) achieved
    if MET.contains(&a.as_ref()) {
        return Some(Level::Achieved);
    }
    None
}

/// The letters and digits of a text (S17 (2) compares these).
fn bare(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|c| c.is_alphanumeric())
}
