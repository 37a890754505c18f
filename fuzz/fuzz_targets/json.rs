//! Arbitrary bytes → the JSON reader → score, audit, explain.
#![no_main]

use jixiao::{read::json, Profile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = json::read(data) else { return };
    let Ok(profile) = Profile::default_profile() else { return };
    let _ = jixiao::score_input(&input, &profile, &[]);
});
