//! The scorer (S1–S27): normalised input + profile → report.

use crate::model::Input;
use crate::profile::Profile;
use crate::report::Report;

pub fn score(_input: &Input, profile: &Profile) -> Report {
    Report { profile: profile.id.clone(), projects: vec![] }
}
