//! The words the page shows for the core's typed values (issue 8: no
//! scoring knowledge in JS): statuses, qualitative levels, directions
//! (指标性质), audit finding kinds and the profile's grades. The page asks
//! for them once per profile (`labels` in src/wasm/exports.rs) instead of keeping
//! its own tables.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::expr::Comparator;
use crate::num::{round2, show};
use crate::profile::Profile;
use crate::report::decision::Band;
use crate::report::{Direction, FindingKind, FindingPlace, Level, Status};

/// One typed value: its JSON id and the words users see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    pub id: &'static str,
    pub label: &'static str,
}

/// A grade of the profile, highest first; `rank` 0 is the best.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GradeLabel {
    pub grade: String,
    #[serde(with = "rust_decimal::serde::float")]
    pub min: Decimal,
    pub rank: usize,
}

/// Every label table the page needs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Labels {
    pub statuses: Vec<Label>,
    /// The levels a user may choose for a qualitative row (S14), in order.
    pub levels: Vec<&'static str>,
    /// The level of a qualitative row not yet judged (S17).
    pub pending: &'static str,
    /// The level of a row that does not apply (S22).
    pub not_applicable: &'static str,
    /// The direction of qualitative rows, as `rows[].direction` writes it.
    pub qualitative: &'static str,
    /// `rows[].direction` → its 指标性质 in words.
    pub directions: Vec<Label>,
    pub findings: Vec<FindingLabel>,
    pub grades: Vec<GradeLabel>,
}

/// A finding kind: its id, its words, where it is shown and whether it is
/// about a stated 得分 (the page colours that cell).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FindingLabel {
    pub id: &'static str,
    pub label: &'static str,
    pub place: FindingPlace,
    pub stated_score: bool,
}

/// What an audit finding compared.
pub fn finding_kind(k: FindingKind) -> &'static str {
    match k {
        FindingKind::RowScore => "指标得分",
        FindingKind::OverWeight => "得分超过分值",
        FindingKind::Band => "定性档次",
        FindingKind::TotalSum => "总分合计",
        FindingKind::Total => "总分",
        FindingKind::ExecRate => "预算执行率",
        FindingKind::ExecScore => "执行率得分",
        FindingKind::WeightSum => "分值合计",
        FindingKind::NoReason => "偏差原因",
        FindingKind::WeightsMissing => "未给出分值",
        FindingKind::OverBudget => "执行数超预算",
        FindingKind::TargetsLow => "指标值偏低",
    }
}

/// A direction as 指标性质 (S7–S11, S14).
pub fn direction(d: Direction) -> &'static str {
    match d {
        Direction::Compare(Comparator::Ge) => "正向（≥）",
        Direction::Compare(Comparator::Gt) => "正向（>）",
        Direction::Compare(Comparator::Eq) => "等于（=）",
        Direction::Compare(Comparator::Lt) => "反向（<）",
        Direction::Compare(Comparator::Le) => "反向（≤）",
        Direction::Qualitative => "定性",
    }
}

const STATUSES: [Status; 4] = [Status::Ok, Status::Review, Status::Pending, Status::Error];
const DIRECTIONS: [Direction; 6] = [
    Direction::Compare(Comparator::Ge),
    Direction::Compare(Comparator::Gt),
    Direction::Compare(Comparator::Eq),
    Direction::Compare(Comparator::Lt),
    Direction::Compare(Comparator::Le),
    Direction::Qualitative,
];
const FINDINGS: [FindingKind; 12] = [
    FindingKind::RowScore,
    FindingKind::OverWeight,
    FindingKind::Band,
    FindingKind::TotalSum,
    FindingKind::Total,
    FindingKind::ExecRate,
    FindingKind::ExecScore,
    FindingKind::WeightSum,
    FindingKind::NoReason,
    FindingKind::WeightsMissing,
    FindingKind::OverBudget,
    FindingKind::TargetsLow,
];

/// The labels, with the grades of `profile`.
pub fn labels(profile: &Profile) -> Labels {
    Labels {
        statuses: STATUSES.iter().map(|&s| Label { id: status_id(s), label: s.label() }).collect(),
        levels: [Level::Achieved, Level::Partial, Level::NotAchieved].iter().map(|l| l.label()).collect(),
        pending: Level::Pending.label(),
        not_applicable: Level::NotApplicable.label(),
        qualitative: Direction::Qualitative.symbol(),
        directions: DIRECTIONS.iter().map(|&d| Label { id: d.symbol(), label: direction(d) }).collect(),
        findings: FINDINGS
            .iter()
            .map(|&k| FindingLabel {
                id: k.id(),
                label: finding_kind(k),
                place: k.place(),
                stated_score: k.is_stated_score(),
            })
            .collect(),
        grades: profile
            .grades
            .iter()
            .enumerate()
            .map(|(rank, g)| GradeLabel { grade: g.grade.clone(), min: g.min, rank })
            .collect(),
    }
}

fn status_id(s: Status) -> &'static str {
    match s {
        Status::Ok => "ok",
        Status::Review => "review",
        Status::Pending => "pending",
        Status::Error => "error",
    }
}

/// S14: a band in words, "部分达成：4.5 分至 6 分（不含 6 分）".
pub fn band_words(b: Band) -> String {
    let (low, high) = (show(round2(b.low)), show(round2(b.high)));
    let open = if b.level == Level::Achieved { String::new() } else { format!("（不含 {high} 分）") };
    format!("{}：{low} 分至 {high} 分{open}", b.level.label())
}

/// The bands of the three levels a user may choose, in words, for a row of weight `w`.
pub fn bands(profile: &Profile, w: Decimal) -> Vec<String> {
    [Level::Achieved, Level::Partial, Level::NotAchieved]
        .iter()
        .map(|&l| band_words(crate::score::band(profile, l, w)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ids are the JSON the report writes, so the page can look them up.
    #[test]
    fn ids_are_the_json_names() {
        for s in STATUSES {
            assert_eq!(serde_json::to_value(s).unwrap(), serde_json::json!(status_id(s)));
        }
        for d in DIRECTIONS {
            assert_eq!(serde_json::to_value(d).unwrap(), serde_json::json!(d.symbol()));
        }
        for k in FINDINGS {
            assert_eq!(serde_json::to_value(k).unwrap(), serde_json::json!(k.id()));
        }
    }

    #[test]
    fn grades_come_from_the_profile() {
        let mut p = Profile::default_profile().unwrap();
        p.grades.truncate(2);
        p.grades[0].grade = "A".into();
        let l = labels(&p);
        assert_eq!(l.grades.len(), 2);
        assert_eq!((l.grades[0].grade.as_str(), l.grades[0].rank), ("A", 0));
        assert_eq!(l.levels, ["达成", "部分达成", "未达成"]);
    }

    #[test]
    fn bands_in_words() {
        let p = Profile::default_profile().unwrap();
        assert_eq!(
            bands(&p, Decimal::new(75, 1)),
            ["达成：6 分至 7.5 分", "部分达成：4.5 分至 6 分（不含 6 分）", "未达成：0 分至 4.5 分（不含 4.5 分）"]
        );
    }
}
