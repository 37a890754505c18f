//! S1–S3: each row's weight. S3's check of the sum is in [`super::totals`].

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::expr;
use crate::model::{IndicatorInput, LevelWeight, Text, UNGRADED};
use crate::num::{round2, MAX_WEIGHT};
use crate::profile::{LevelSpec, Profile};
use crate::report::decision::{Note, NoteKind, RowError};

/// Each row's weight, and whether the weights are the rules' assumption.
pub(super) struct Weights {
    pub(super) rows: Vec<Result<Decimal, RowError>>,
    /// S2/S32: no row gives 分值; the weights are split by the rules (分值（推定）).
    pub(super) assumed: bool,
}

/// S1: the 分值 a row gives (trimmed, not empty).
fn given(ind: &IndicatorInput) -> Option<&str> {
    ind.weight.as_deref().map(str::trim).filter(|w| !w.is_empty())
}

/// S1/S2: each row's weight, or the error that keeps it from having one.
pub(super) fn weights(
    indicators: &[IndicatorInput],
    level_weights: &[LevelWeight],
    profile: &Profile,
    levels: &mut Levels,
    notes: &mut Vec<Note>,
) -> Weights {
    if indicators.iter().any(|i| given(i).is_some()) {
        let rows = indicators.iter().map(|ind| given_weight(ind, given(ind), profile, levels, notes)).collect();
        return Weights { rows, assumed: false };
    }
    Weights { rows: split(indicators, level_weights, profile, levels), assumed: !indicators.is_empty() }
}

/// S1: a weight as given; a row without one, when others have them, is an error (S2).
fn given_weight(
    ind: &IndicatorInput,
    weight: Option<&str>,
    profile: &Profile,
    levels: &mut Levels,
    notes: &mut Vec<Note>,
) -> Result<Decimal, RowError> {
    if levels.of(profile, &ind.level1).is_none() && !ind.level1.trim().is_empty() && ind.level1 != UNGRADED {
        notes.push(Note { row: ind.row, kind: NoteKind::Level1NotInProfile(ind.level1.as_str().to_owned()) });
    }
    let Some(t) = weight else { return Err(RowError::WeightMissing) };
    match expr::parse_number(t) {
        Some(v) if v > MAX_WEIGHT => Err(RowError::WeightTooLarge(t.to_owned())),
        Some(v) if v >= Decimal::ZERO => Ok(v),
        Some(_) => Err(RowError::WeightNegative(t.to_owned())),
        None => Err(RowError::WeightNotNumber(t.to_owned())),
    }
}

/// S2: split each 一级's weight equally over its rows, the rounding
/// remainder on the last; 成本 shares 产出 unless the form weighs it on its
/// own. S30: a level weight the form states wins over the profile's.
fn split(
    indicators: &[IndicatorInput],
    level_weights: &[LevelWeight],
    profile: &Profile,
    levels: &mut Levels,
) -> Vec<Result<Decimal, RowError>> {
    // The form's level weights, by the profile's level they name (or by their
    // text for a level the profile does not know).
    let stated: Vec<(String, Decimal)> = level_weights
        .iter()
        .map(|l| (profile.level_of(&l.level1).map_or_else(|| l.level1.trim().to_owned(), |s| s.name.clone()), l.weight))
        .collect();
    let stated_weight = |k: &str| stated.iter().find(|(n, _)| n == k).map(|(_, w)| *w);
    let level_of = |ind: &IndicatorInput| -> Option<String> {
        let Some(spec) = levels.of(profile, &ind.level1) else {
            return Some(ind.level1.trim().to_owned()).filter(|l| stated_weight(l).is_some());
        };
        if stated_weight(&spec.name).is_some() {
            return Some(spec.name.clone());
        }
        Some(spec.share_with.clone().unwrap_or_else(|| spec.name.clone()))
    };
    let keys: Vec<Option<String>> = indicators.iter().map(level_of).collect();
    // Rows per level, and the last row of each (one pass: not once per row).
    let mut members: HashMap<&str, (usize, usize)> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        if let Some(k) = k {
            let m = members.entry(k.as_str()).or_insert((0, i));
            *m = (m.0 + 1, i);
        }
    }
    let mut out: Vec<Result<Decimal, RowError>> = Vec::with_capacity(keys.len());
    for (i, key) in keys.iter().enumerate() {
        let Some(k) = key else {
            let l1 = indicators.get(i).map(|x| x.level1.as_str()).unwrap_or("");
            out.push(Err(if l1 == UNGRADED {
                RowError::Ungraded
            } else if l1.trim().is_empty() {
                RowError::Level1Missing
            } else {
                let known = profile.levels.iter().map(|l| l.name.clone()).collect();
                RowError::Level1Unknown { level1: l1.to_owned(), known }
            }));
            continue;
        };
        let weight = stated_weight(k)
            .or_else(|| profile.levels.iter().find(|l| &l.name == k).map(|l| l.weight))
            .unwrap_or_default();
        let (count, last) = members.get(k.as_str()).copied().unwrap_or((1, i));
        let n = Decimal::from(count.max(1));
        let each = round2(weight / n);
        out.push(Ok(if last == i { weight.saturating_sub(each.saturating_mul(n - Decimal::ONE)) } else { each }));
    }
    out
}

/// S2: the profile's level of each 一级 text, looked up once per text
/// over a whole input (a file names a handful).
#[derive(Default)]
pub(super) struct Levels {
    known: Vec<(Text, Option<usize>)>,
}

/// The most 一级 texts [`Levels`] keeps.
const KNOWN_LEVELS: usize = 32;

impl Levels {
    fn of<'p>(&mut self, profile: &'p Profile, level1: &str) -> Option<&'p LevelSpec> {
        if let Some((_, at)) = self.known.iter().find(|(text, _)| text == level1) {
            return at.and_then(|i| profile.levels.get(i));
        }
        let spec = profile.level_of(level1);
        if self.known.len() < KNOWN_LEVELS {
            let at = spec.and_then(|s| profile.levels.iter().position(|l| std::ptr::eq(l, s)));
            self.known.push((level1.into(), at));
        }
        spec
    }
}
