//! Arbitrary bytes → the JSON reader → the scorer.
#![no_main]

use jixiao::{read::json, score, Profile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = json::read(data) else { return };
    let Ok(profile) = Profile::default_profile() else { return };
    let _ = score::score(&input, &profile);
});
