//! Arbitrary bytes → the text reader with each encoding (chosen by the first
//! byte) → the layout normaliser.
#![no_main]

use jixiao::read::{text, Encoding, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let encoding = match first % 5 {
        0 => Encoding::Auto,
        1 => Encoding::Utf8,
        2 => Encoding::Gbk,
        3 => Encoding::Utf16le,
        _ => Encoding::Utf16be,
    };
    let opts = ReadOptions { encoding, ..ReadOptions::default() };
    if let Ok(sheet) = text::read(rest, &opts) {
        let _ = jixiao::layout::read_sheets(std::slice::from_ref(&sheet));
    }
});
