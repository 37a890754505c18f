//! S36: what an edited profile may hold. Every setting has an allowed range
//! (some depend on others: the 部分达成 band lies below the 达成 band, a grade
//! line below the one above it); a value outside it, or text that is not a
//! number, is a typed [`ProfileError`] naming the setting. The Chinese words
//! are `message.rs`'s. The page's rule editor and the CLI's `--profile FILE`
//! read a profile through the same [`Profile::from_value`].

use rust_decimal::Decimal;
use serde_json::Value;

use super::Profile;

/// The largest 满分 (`total`) a profile may have.
pub const MAX_TOTAL: Decimal = Decimal::ONE_THOUSAND;
/// The largest over-achievement factor (S8).
pub const MAX_FACTOR: Decimal = Decimal::ONE_HUNDRED;
/// The largest execution rate (percent) a cap on the total may name (S36).
pub const MAX_RATE: Decimal = Decimal::ONE_THOUSAND;

/// A setting of a profile; `path()` is its place in the JSON ("levels.0.weight").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The JSON as a whole.
    File,
    Id,
    Name,
    ExecutionWeight,
    Total,
    OverAchievementFactor,
    AchievedMin,
    PartialMin,
    AchievedPoints,
    PartialPoints,
    NotAchievedPoints,
    Levels,
    LevelName(usize),
    LevelWeight(usize),
    LevelKeywords(usize),
    LevelShareWith(usize),
    Grades,
    GradeName(usize),
    GradeMin(usize),
    CapRateFrom(usize),
    CapRateBelow(usize),
    CapMaxTotal(usize),
}

impl Field {
    /// The setting's place in the profile's JSON, dot-separated.
    pub fn path(self) -> String {
        match self {
            Field::File => String::new(),
            Field::Id => "id".into(),
            Field::Name => "name".into(),
            Field::ExecutionWeight => "execution_weight".into(),
            Field::Total => "total".into(),
            Field::OverAchievementFactor => "over_achievement_factor".into(),
            Field::AchievedMin => "qualitative.achieved_min".into(),
            Field::PartialMin => "qualitative.partial_min".into(),
            Field::AchievedPoints => "qualitative.achieved_points".into(),
            Field::PartialPoints => "qualitative.partial_points".into(),
            Field::NotAchievedPoints => "qualitative.not_achieved_points".into(),
            Field::Levels => "levels".into(),
            Field::LevelName(i) => format!("levels.{i}.name"),
            Field::LevelWeight(i) => format!("levels.{i}.weight"),
            Field::LevelKeywords(i) => format!("levels.{i}.keywords"),
            Field::LevelShareWith(i) => format!("levels.{i}.share_with"),
            Field::Grades => "grades".into(),
            Field::GradeName(i) => format!("grades.{i}.grade"),
            Field::GradeMin(i) => format!("grades.{i}.min"),
            Field::CapRateFrom(i) => format!("total_caps.{i}.rate_from"),
            Field::CapRateBelow(i) => format!("total_caps.{i}.rate_below"),
            Field::CapMaxTotal(i) => format!("total_caps.{i}.max_total"),
        }
    }

    /// A share of the row's 分值 (the qualitative settings): shown as a percentage.
    pub fn is_fraction(self) -> bool {
        matches!(
            self,
            Field::AchievedMin
                | Field::PartialMin
                | Field::AchievedPoints
                | Field::PartialPoints
                | Field::NotAchievedPoints
        )
    }
}

/// An allowed range; an open end excludes its bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub lo: Decimal,
    pub lo_open: bool,
    pub hi: Decimal,
    pub hi_open: bool,
}

impl Range {
    fn closed(lo: Decimal, hi: Decimal) -> Range {
        Range { lo, lo_open: false, hi, hi_open: false }
    }

    fn below(lo: Decimal, hi: Decimal) -> Range {
        Range { hi_open: true, ..Range::closed(lo, hi) }
    }

    fn above(lo: Decimal, hi: Decimal) -> Range {
        Range { lo_open: true, ..Range::closed(lo, hi) }
    }

    pub fn contains(&self, v: Decimal) -> bool {
        let lo = if self.lo_open { v > self.lo } else { v >= self.lo };
        let hi = if self.hi_open { v < self.hi } else { v <= self.hi };
        lo && hi
    }
}

/// What is wrong with a setting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The JSON cannot be read as a profile (serde's words).
    Unreadable(String),
    /// Text where a number belongs.
    NotANumber {
        text: String,
        range: Range,
    },
    OutOfRange {
        value: Decimal,
        range: Range,
    },
    /// An empty name, keyword list or keyword; no levels or no grades.
    Empty,
    /// A level or grade name used twice.
    Duplicate(String),
    /// `share_with` names no other level, or one that itself shares.
    UnknownLevel(String),
}

/// A setting refused, with the name of the level or grade it belongs to ('' for none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileError {
    pub field: Field,
    pub subject: String,
    pub problem: Problem,
}

impl ProfileError {
    /// JSON that is not a profile at all.
    pub fn unreadable(why: impl std::fmt::Display) -> ProfileError {
        ProfileError { field: Field::File, subject: String::new(), problem: Problem::Unreadable(why.to_string()) }
    }
}

impl Profile {
    /// Read a profile from JSON as the page's editor and `--profile FILE`
    /// give it: every refused setting, or the profile.
    pub fn from_value(mut value: Value) -> Result<Profile, Vec<ProfileError>> {
        let mut bad = Vec::new();
        for field in number_fields(&value) {
            let Some(slot) = pointer(&mut value, &field.path()) else { continue };
            match number(slot) {
                Some(d) => *slot = Value::String(d.to_string()),
                None => {
                    bad.push((field, text_of(slot)));
                    *slot = Value::String("0".into());
                }
            }
        }
        // through the text, not `from_value`: one deserializer of profiles in the page's modules, not two
        let profile: Profile =
            serde_json::from_str(&value.to_string()).map_err(|e| vec![ProfileError::unreadable(e)])?;
        let numbers = profile.numbers();
        let mut errors: Vec<ProfileError> = bad
            .into_iter()
            .filter_map(|(field, text)| {
                let (_, subject, _, range) = numbers.iter().find(|n| n.0 == field)?;
                Some(ProfileError {
                    field,
                    subject: subject.clone(),
                    problem: Problem::NotANumber { text, range: *range },
                })
            })
            .collect();
        let refused: Vec<Field> = errors.iter().map(|e| e.field).collect();
        errors.extend(profile.validate().into_iter().filter(|e| !refused.contains(&e.field)));
        if errors.is_empty() {
            Ok(profile)
        } else {
            Err(errors)
        }
    }

    /// Every setting outside its allowed range, and every name that is empty,
    /// repeated or unknown. Empty when the profile can be used (S36).
    pub fn validate(&self) -> Vec<ProfileError> {
        let err = |field, subject: &str, problem| ProfileError { field, subject: subject.to_owned(), problem };
        let mut out: Vec<ProfileError> = self
            .numbers()
            .into_iter()
            .filter(|(_, _, v, range)| !range.contains(*v))
            .map(|(field, subject, value, range)| err(field, &subject, Problem::OutOfRange { value, range }))
            .collect();
        if self.id.trim().is_empty() {
            out.push(err(Field::Id, "", Problem::Empty));
        }
        if self.name.trim().is_empty() {
            out.push(err(Field::Name, "", Problem::Empty));
        }
        if self.levels.is_empty() {
            out.push(err(Field::Levels, "", Problem::Empty));
        }
        if self.grades.is_empty() {
            out.push(err(Field::Grades, "", Problem::Empty));
        }
        let level_names: Vec<&str> = self.levels.iter().map(|l| l.name.as_str()).collect();
        for (i, l) in self.levels.iter().enumerate() {
            names(&mut out, &level_names, i, Field::LevelName(i));
            if l.keywords.iter().any(|k| k.trim().is_empty()) {
                out.push(err(Field::LevelKeywords(i), &l.name, Problem::Empty));
            }
            if let Some(s) = &l.share_with {
                let shares = self.levels.iter().any(|o| o.name == *s && o.name != l.name && o.share_with.is_none());
                if !shares {
                    out.push(err(Field::LevelShareWith(i), &l.name, Problem::UnknownLevel(s.clone())));
                }
            }
        }
        let grade_names: Vec<&str> = self.grades.iter().map(|g| g.grade.as_str()).collect();
        for i in 0..self.grades.len() {
            names(&mut out, &grade_names, i, Field::GradeName(i));
        }
        out
    }

    /// Each number of the profile with the level or grade it belongs to, its
    /// value and its allowed range (some ranges follow other settings).
    fn numbers(&self) -> Vec<(Field, String, Decimal, Range)> {
        let zero = Decimal::ZERO;
        let one = Decimal::ONE;
        let total = if Range::above(zero, MAX_TOTAL).contains(self.total) { self.total } else { MAX_TOTAL };
        let weight = Range::closed(zero, total);
        let q = &self.qualitative;
        // a band limit out of its range does not bound the others (one refusal, not a cascade)
        let am_ok = Range::above(zero, one).contains(q.achieved_min);
        let pm_ok = am_ok && Range::below(zero, q.achieved_min).contains(q.partial_min);
        let am = if am_ok { q.achieved_min } else { one };
        let (pm_lo, pm_hi) = if pm_ok { (q.partial_min, q.partial_min) } else { (zero, am) };
        let below_am = Range { hi_open: am_ok, ..Range::closed(zero, am) };
        let n = |f: Field, v: Decimal, r: Range| (f, String::new(), v, r);
        let mut out = vec![
            n(Field::Total, self.total, Range::above(zero, MAX_TOTAL)),
            n(Field::ExecutionWeight, self.execution_weight, weight),
            n(Field::OverAchievementFactor, self.over_achievement_factor, Range::closed(one, MAX_FACTOR)),
            n(Field::AchievedMin, q.achieved_min, Range::above(zero, one)),
            n(Field::PartialMin, q.partial_min, below_am),
            n(Field::AchievedPoints, q.achieved_points, Range::closed(if am_ok { am } else { zero }, one)),
            n(Field::PartialPoints, q.partial_points, Range { lo: pm_lo, ..below_am }),
            n(
                Field::NotAchievedPoints,
                q.not_achieved_points,
                Range { hi_open: pm_hi > zero, ..Range::closed(zero, pm_hi) },
            ),
        ];
        for (i, l) in self.levels.iter().enumerate() {
            out.push((Field::LevelWeight(i), l.name.clone(), l.weight, weight));
        }
        let mut above: Option<Decimal> = None;
        for (i, g) in self.grades.iter().enumerate() {
            let range = match above {
                Some(a) => Range::below(zero, a.min(total)),
                None => weight,
            };
            out.push((Field::GradeMin(i), g.grade.clone(), g.min, range));
            above = Some(g.min.clamp(zero, total));
        }
        for (i, c) in self.total_caps.iter().enumerate() {
            out.push(n(Field::CapRateFrom(i), c.rate_from, Range::below(zero, MAX_RATE)));
            let from = c.rate_from.clamp(zero, MAX_RATE);
            out.push(n(Field::CapRateBelow(i), c.rate_below, Range::above(from, MAX_RATE)));
            out.push(n(Field::CapMaxTotal(i), c.max_total, weight));
        }
        out
    }
}

/// A name that is empty or used before it.
fn names(out: &mut Vec<ProfileError>, all: &[&str], i: usize, field: Field) {
    let name = all.get(i).copied().unwrap_or_default();
    let problem = if name.trim().is_empty() {
        Problem::Empty
    } else if all.iter().take(i).any(|n| *n == name) {
        Problem::Duplicate(name.to_owned())
    } else {
        return;
    };
    out.push(ProfileError { field, subject: String::new(), problem });
}

/// The numbers of a profile's JSON (as many levels, grades and caps as it has).
fn number_fields(v: &Value) -> Vec<Field> {
    let len = |key: &str| v.get(key).and_then(Value::as_array).map_or(0, Vec::len);
    let mut out = vec![
        Field::Total,
        Field::ExecutionWeight,
        Field::OverAchievementFactor,
        Field::AchievedMin,
        Field::PartialMin,
        Field::AchievedPoints,
        Field::PartialPoints,
        Field::NotAchievedPoints,
    ];
    out.extend((0..len("levels")).map(Field::LevelWeight));
    out.extend((0..len("grades")).map(Field::GradeMin));
    for i in 0..len("total_caps") {
        out.extend([Field::CapRateFrom(i), Field::CapRateBelow(i), Field::CapMaxTotal(i)]);
    }
    out
}

/// The value at a field's path ("levels.0.weight").
fn pointer<'a>(v: &'a mut Value, path: &str) -> Option<&'a mut Value> {
    path.split('.').try_fold(v, |v, key| match v {
        Value::Array(items) => items.get_mut(key.parse::<usize>().ok()?),
        Value::Object(map) => map.get_mut(key),
        _ => None,
    })
}

/// A JSON number, or a string holding one ("50", " 0.7 ").
fn number(v: &Value) -> Option<Decimal> {
    let text = match v {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.trim().to_owned(),
        _ => return None,
    };
    text.parse::<Decimal>().ok()
}

fn text_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
