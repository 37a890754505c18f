//! Arbitrary bytes → the workbook reader (XLSX / XLS) → the layout normaliser.
#![no_main]

use jixiao::read::{workbook, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(sheets) = workbook::read(data, &ReadOptions::default()) {
        let _ = jixiao::layout::read_sheets(&sheets);
    }
});
