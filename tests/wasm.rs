//! The WebAssembly exports, in a real browser (headless Chromium through
//! wasm-bindgen-test-runner; `npm test` runs them):
//!
//!   CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test wasm
//!
//! Each fixture scored through the exports, read back into `jixiao::Report`,
//! is exactly what the core gives in the same module; errors carry the
//! core's Chinese message.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jixiao::{wasm, Input, Profile, Report, ScoreOptions};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Every file in tests/fixtures/*.csv (tests/e2e/build.test.mjs checks the list is complete).
const FIXTURES: &[(&str, &[u8])] = &[
    ("baiyun-xinfang-2023.csv", include_bytes!("fixtures/baiyun-xinfang-2023.csv")),
    ("campus-safety-form-2024.csv", include_bytes!("fixtures/campus-safety-form-2024.csv")),
    ("form-variants.csv", include_bytes!("fixtures/form-variants.csv")),
    ("henan-old-estates-2019.csv", include_bytes!("fixtures/henan-old-estates-2019.csv")),
    ("hubei-transfer-2023.csv", include_bytes!("fixtures/hubei-transfer-2023.csv")),
    ("sichuan-dept-overall-2021.csv", include_bytes!("fixtures/sichuan-dept-overall-2021.csv")),
    ("yunnan-water-2022.csv", include_bytes!("fixtures/yunnan-water-2022.csv")),
    ("audit-planted-2024.csv", include_bytes!("fixtures/audit-planted-2024.csv")),
    ("audit-clean-no-weights-2023.csv", include_bytes!("fixtures/audit-clean-no-weights-2023.csv")),
    ("audit-clean-no-reason-2022.csv", include_bytes!("fixtures/audit-clean-no-reason-2022.csv")),
    ("audit-clean-rounded-2024.csv", include_bytes!("fixtures/audit-clean-rounded-2024.csv")),
];

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

fn ok(r: Result<JsValue, wasm_bindgen::JsError>) -> JsValue {
    r.map_err(JsValue::from).unwrap()
}

fn err_message(r: Result<JsValue, wasm_bindgen::JsError>) -> String {
    let e = r.map(|_| ()).map_err(JsValue::from).unwrap_err();
    js_sys::Error::from(e).message().into()
}

fn options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

/// The browser's current year: the exports pass it to the core (S28).
fn this_year() -> Option<i32> {
    i32::try_from(js_sys::Date::new_0().get_full_year()).ok()
}

fn native(bytes: &[u8], name: &str) -> Report {
    let opts = ScoreOptions { current_year: this_year(), ..Default::default() };
    jixiao::score_bytes(bytes, name, &Profile::default_profile().unwrap(), &opts).unwrap()
}

#[wasm_bindgen_test]
fn score_matches_the_core() {
    for (name, bytes) in FIXTURES {
        let got: Report = serde_wasm_bindgen::from_value(ok(wasm::score(bytes, name, JsValue::UNDEFINED))).unwrap();
        assert_eq!(got, native(bytes, name), "{name}");
        assert!(!got.projects.is_empty(), "{name}: no project");
    }
}

#[wasm_bindgen_test]
fn read_then_score_input_matches_the_core() {
    for (name, bytes) in FIXTURES {
        let input = ok(wasm::read_input(bytes, name, JsValue::NULL));
        let back: Input = serde_wasm_bindgen::from_value(input.clone()).unwrap();
        assert_eq!(back, jixiao::read_input(bytes, name, &Default::default()).unwrap(), "{name}");
        let got: Report = serde_wasm_bindgen::from_value(ok(wasm::score_input(input, JsValue::UNDEFINED))).unwrap();
        assert_eq!(got, native(bytes, name), "{name}");
    }
}

#[wasm_bindgen_test]
fn options_choose_profile_and_encoding() {
    let (name, bytes) = FIXTURES[0];
    let with_id: Report = serde_wasm_bindgen::from_value(ok(wasm::score(
        bytes,
        name,
        options(r#"{"profile":"bands-80-70-60","encoding":"utf8"}"#),
    )))
    .unwrap();
    let other = Profile::builtin("bands-80-70-60").unwrap();
    let opts = ScoreOptions { current_year: this_year(), ..Default::default() };
    let want = jixiao::score_bytes(bytes, name, &other, &opts).unwrap();
    assert_eq!(with_id, want);

    // A profile object, as profiles() gives it, is accepted back.
    let profiles = ok(wasm::profiles());
    let first = js_sys::Array::from(&profiles).get(0);
    let opts = js_sys::Object::new();
    js_sys::Reflect::set(&opts, &"profile".into(), &first).unwrap();
    let with_object: Report = serde_wasm_bindgen::from_value(ok(wasm::score(bytes, name, opts.into()))).unwrap();
    assert_eq!(with_object, native(bytes, name));
}

#[wasm_bindgen_test]
fn edits_are_applied() {
    let (name, bytes) = FIXTURES[0];
    let input = jixiao::read_input(bytes, name, &Default::default()).unwrap();
    let row = input.projects[0].indicators[0].row.unwrap_or(1);
    let json = format!(r#"{{"edits":[{{"project":0,"row":{row},"weight":"3"}}]}}"#);
    let got: Report = serde_wasm_bindgen::from_value(ok(wasm::score(bytes, name, options(&json)))).unwrap();
    let edits: Vec<jixiao::Edit> = serde_json::from_str(&json[9..json.len() - 1]).unwrap();
    let want = jixiao::score_input_in_year(&input, &Profile::default_profile().unwrap(), &edits, this_year());
    assert_eq!(got, want);
}

#[wasm_bindgen_test]
fn a_kept_file_scores_one_project_again_with_its_edits() {
    let (name, bytes) = FIXTURES[0];
    let input = jixiao::read_input(bytes, name, &Default::default()).unwrap();
    let row = input.projects[0].indicators[0].row.unwrap_or(1);
    let edits = format!(r#"[{{"project":0,"row":{row},"weight":"3"}}]"#);
    let mut kept = wasm::open(bytes, name, JsValue::UNDEFINED).map_err(JsValue::from).unwrap();
    let line = ok(kept.rescore(0, options(&edits)));
    let want = jixiao::score_input_in_year(
        &input,
        &Profile::default_profile().unwrap(),
        &serde_json::from_str::<Vec<jixiao::Edit>>(&edits).unwrap(),
        this_year(),
    );
    let total = js_sys::Reflect::get(&line, &"total".into()).unwrap();
    assert_eq!(
        js_sys::Float64Array::from(total).to_vec(),
        [rust_decimal::prelude::ToPrimitive::to_f64(&want.projects[0].total).unwrap()]
    );
    // the kept report is the edited one: the project opened now has the new weight
    let project: jixiao::report::ProjectResult = serde_wasm_bindgen::from_value(ok(kept.project(0))).unwrap();
    assert_eq!(project, want.projects[0]);
    assert!(err_message(kept.rescore(9, options("[]"))).contains("没有第 10 个项目"));
}

#[wasm_bindgen_test]
fn profiles_and_version() {
    let got: Vec<Profile> = serde_wasm_bindgen::from_value(ok(wasm::profiles())).unwrap();
    assert_eq!(got, jixiao::profile::builtins());
    assert_eq!(wasm::version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn errors_carry_the_chinese_message() {
    let want = jixiao::read_input(PNG, "x.png", &Default::default()).unwrap_err().to_string();
    assert!(want.contains("无法识别"), "{want}");
    assert_eq!(err_message(wasm::score(PNG, "x.png", JsValue::UNDEFINED)), want);
    assert_eq!(err_message(wasm::read_input(PNG, "x.png", JsValue::UNDEFINED)), want);

    let (name, bytes) = FIXTURES[0];
    let unknown = Profile::builtin("nope").unwrap_err().to_string();
    assert_eq!(err_message(wasm::score(bytes, name, options(r#"{"profile":"nope"}"#))), unknown);
    assert!(err_message(wasm::score(bytes, name, options(r#"{"encoding":"latin1"}"#))).starts_with("选项无法读取"));
    assert!(err_message(wasm::score_input(options("[1]"), JsValue::UNDEFINED)).starts_with("输入数据无法读取"));
}

/// Issue 9 item 13: XLS files damaged by one byte are a Chinese error from
/// the export, not a trap; the module keeps working for the next file.
#[wasm_bindgen_test]
fn damaged_xls_is_an_error_not_a_trap() {
    let damaged: [&[u8]; 3] = [
        include_bytes!("fixtures/regressions/xls-bof-length-1.xls"),
        include_bytes!("fixtures/regressions/xls-sst-string-header.xls"),
        // the retry that used to trap again
        include_bytes!("fixtures/regressions/xls-sst-string-header.xls"),
    ];
    for bytes in damaged {
        let msg = err_message(wasm::score(bytes, "x.xls", JsValue::UNDEFINED));
        assert!(msg.contains("文件已损坏"), "{msg}");
    }
    let formula = include_bytes!("fixtures/regressions/xls-formula-token-count.xls");
    let got: Report = serde_wasm_bindgen::from_value(ok(wasm::score(formula, "f.xls", JsValue::UNDEFINED))).unwrap();
    assert_eq!(got.projects[0].rows.len(), 1);
    let (name, bytes) = FIXTURES[0];
    assert!(wasm::score(bytes, name, JsValue::UNDEFINED).is_ok());
}

#[wasm_bindgen_test]
fn column_mapping_and_header_guess() {
    let csv = "序号,指标,计划数,完成数,分值\n1,x,≥10个,10个,90\n".as_bytes();
    let guess = ok(wasm::guess_header(csv, "m.csv", JsValue::UNDEFINED));
    let missing = js_sys::Reflect::get(&guess, &"missing".into()).unwrap();
    assert_eq!(js_sys::Array::from(&missing).length(), 3);
    assert!(err_message(wasm::score(csv, "m.csv", JsValue::UNDEFINED)).contains("「序号」「指标」"));
    let map = options(r#"{"columns":{"三级指标":"指标","年度指标值":"C","实际完成值":"完成数"}}"#);
    let got: Report = serde_wasm_bindgen::from_value(ok(wasm::score(csv, "m.csv", map))).unwrap();
    assert_eq!(got.projects[0].total, "90".parse().unwrap());
}
