//! Rule profiles: every number the scoring rules leave to a setting (weights,
//! grade bands, qualitative points, the over-achievement factor, the reverse
//! formula, the execution cap) is data here, never a constant in the scorer.
//! Built-in profiles are JSON files under `profiles/`, compiled in as text.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::FileError;

mod check;
mod message;

pub use check::{Field, Problem, ProfileError, Range};
pub use message::joined as refusals;

/// Built-in profiles: (id, JSON text).
const BUILTIN: &[(&str, &str)] = &[
    ("mof-2020", include_str!("../../profiles/mof-2020.json")),
    ("bands-80-70-60", include_str!("../../profiles/bands-80-70-60.json")),
    // S36: regional variants, each naming its source in its description.
    ("exec-20", include_str!("../../profiles/exec-20.json")),
    ("bands-80-50-cap", include_str!("../../profiles/bands-80-50-cap.json")),
];

/// The default profile's id.
pub const DEFAULT_PROFILE: &str = "mof-2020";

/// The id of a profile edited in the page (`Profile::customized`).
pub const CUSTOM_PROFILE: &str = "custom";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// S1/S5: W_exec, the 预算执行率 weight when the form states none.
    pub execution_weight: Decimal,
    /// S5: score = W_exec × min(rate, 1) when true; W_exec × rate when false.
    pub exec_cap: bool,
    /// S1/S2: the 一级指标 the profile knows, with their weights.
    pub levels: Vec<LevelSpec>,
    /// S3: the sum the weights should reach.
    pub total: Decimal,
    /// S26: grade bands, highest first; a total ≥ `min` gets `grade`.
    pub grades: Vec<GradeBand>,
    /// S8: A ≥ factor × T gets a review flag.
    pub over_achievement_factor: Decimal,
    /// S9: `ratio` (W × T/A) or `linear`.
    pub reverse_formula: ReverseFormula,
    /// S14/S15
    pub qualitative: Qualitative,
    /// S22: rescale the remaining rows when some are 不适用.
    #[serde(default)]
    pub not_applicable_rescale: bool,
    /// S28: a deadline missed scores W × T/A in days (`ratio`) or 0 (`zero`).
    #[serde(default)]
    pub late: LateRule,
    /// S36: caps on the total by execution rate (none in `mof-2020`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub total_caps: Vec<TotalCapSpec>,
}

/// S28: how a missed deadline scores.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LateRule {
    /// W × T/A, T and A counted in days from 1 January of the target's year.
    #[default]
    Ratio,
    /// 0 points.
    Zero,
}

/// S36: a total capped at `max_total` when the execution rate (percent) is
/// in [`rate_from`, `rate_below`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TotalCapSpec {
    pub rate_from: Decimal,
    pub rate_below: Decimal,
    pub max_total: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelSpec {
    /// Canonical name (产出指标).
    pub name: String,
    /// S1 weight of the level.
    pub weight: Decimal,
    /// A 一级 cell matches this level when, after normalising, it contains
    /// one of these ("经济效益指标" → 效益, "服务对象满意度指标等" → 满意).
    pub keywords: Vec<String>,
    /// S2: rows of this level share another level's weight (成本 → 产出).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_with: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GradeBand {
    pub grade: String,
    pub min: Decimal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReverseFormula {
    Ratio,
    Linear,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Qualitative {
    /// S14: 达成 band is [achieved_min × W, W].
    pub achieved_min: Decimal,
    /// S14: 部分达成 band is [partial_min × W, achieved_min × W).
    pub partial_min: Decimal,
    /// S15: default points as a fraction of W.
    pub achieved_points: Decimal,
    pub partial_points: Decimal,
    pub not_achieved_points: Decimal,
}

impl Profile {
    /// A built-in profile by id.
    pub fn builtin(id: &str) -> Result<Profile, FileError> {
        let (_, text) = BUILTIN.iter().find(|(k, _)| *k == id).ok_or_else(|| {
            FileError::Profile(format!("没有名为“{id}”的规则配置，可用：{}", builtin_ids().join("、")))
        })?;
        Profile::from_json(text)
    }

    /// The default profile (`mof-2020`).
    pub fn default_profile() -> Result<Profile, FileError> {
        Profile::builtin(DEFAULT_PROFILE)
    }

    /// Read an edited profile from JSON text.
    pub fn from_json(text: &str) -> Result<Profile, FileError> {
        // (from_slice: the reader's JSON path, already in the page's module)
        let value: serde_json::Value = serde_json::from_slice(text.as_bytes())
            .map_err(|e| FileError::Profile(format!("规则配置无法读取：{e}")))?;
        Profile::from_value(value).map_err(|errors| FileError::Profile(message::joined(&errors)))
    }

    /// The profile as the page's rule editor keeps an edited copy: id
    /// [`CUSTOM_PROFILE`], named 自定义（基于 …） after the profile it starts
    /// from. A profile already customised is returned as it is.
    pub fn customized(&self) -> Profile {
        if self.id == CUSTOM_PROFILE {
            return self.clone();
        }
        Profile { id: CUSTOM_PROFILE.to_owned(), name: format!("自定义（基于 {}）", self.name), ..self.clone() }
    }

    /// S2: the level a 一级 cell belongs to, by keyword.
    pub fn level_of(&self, level1: &str) -> Option<&LevelSpec> {
        let n = crate::expr::normalize(level1);
        self.levels.iter().find(|l| n == l.name || l.keywords.iter().any(|k| n.contains(k.as_str())))
    }

    /// S36: the cap whose rate band holds `rate` (percent), if any.
    pub fn cap_for(&self, rate: Decimal) -> Option<&TotalCapSpec> {
        self.total_caps.iter().find(|c| rate >= c.rate_from && rate < c.rate_below)
    }

    /// S26: the grade of a total.
    pub fn grade_of(&self, total: Decimal) -> &str {
        self.grades.iter().find(|b| total >= b.min).or(self.grades.last()).map_or("", |b| b.grade.as_str())
    }
}

/// Ids of the built-in profiles.
pub fn builtin_ids() -> Vec<&'static str> {
    BUILTIN.iter().map(|(k, _)| *k).collect()
}

/// All built-in profiles (those that parse).
pub fn builtins() -> Vec<Profile> {
    BUILTIN.iter().filter_map(|(_, t)| Profile::from_json(t).ok()).collect()
}

#[cfg(test)]
mod tests;
