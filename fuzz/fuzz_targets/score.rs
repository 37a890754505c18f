//! Arbitrary bytes → the whole pipeline with the default profile, then the
//! same input rescored with arbitrary page edits.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use jixiao::{Edit, Profile, ScoreOptions};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct FuzzEdit {
    project: u8,
    row: u16,
    level: Option<String>,
    score: Option<String>,
    weight: Option<String>,
}

fuzz_target!(|data: &[u8]| {
    let Ok(profile) = Profile::default_profile() else { return };
    // The last bytes (after a 0xFF 0x00 marker, if any) describe edits.
    let (file, edits) = match data.windows(2).rposition(|w| w == [0xFF, 0x00]) {
        Some(i) => (&data[..i], &data[i + 2..]),
        None => (data, &[][..]),
    };
    let _ = jixiao::score_bytes(file, "fuzz.csv", &profile, &ScoreOptions::default());
    let Ok(input) = jixiao::read_input(file, "fuzz.csv", &Default::default()) else { return };
    let mut u = Unstructured::new(edits);
    let mut list = Vec::new();
    while let Ok(e) = FuzzEdit::arbitrary(&mut u) {
        list.push(Edit {
            project: usize::from(e.project % 4),
            row: u32::from(e.row % 64),
            level: e.level,
            score: e.score,
            weight: e.weight,
        });
        if list.len() >= 16 || u.is_empty() {
            break;
        }
    }
    let report = jixiao::score_input(&input, &profile, &list);
    let _ = jixiao::render::render_text(&report);
});
