//! The WebAssembly binding: a thin layer of conversions between JS values
//! and the core's types (modelled on ruff's `ruff_wasm`). No logic lives
//! here: every export reads its arguments, calls one core function and
//! serialises the result with the JSON-compatible serializer, so the page
//! sees the same structure as the CLI's `--format json`.
//!
//! Errors are `JsError`s whose message is the core's Chinese text.
//!
//! The exports are in `exports.rs`, behind the `wasm-exports` feature (on by
//! default): the writers' module (`writers/`, compiled by the page on the
//! first export) links this library without them and uses the helpers here.
//!
//! The TypeScript declarations wasm-bindgen writes (build/wasm/jixiao.d.ts)
//! name the JSON types of `www/src/types.d.ts` (`JixiaoReport` is its
//! `Report`, and so on: www/src/globals.d.ts); `scripts/typecheck.mjs`
//! checks the page with them.

use std::fmt::Display;

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::{Edit, Encoding, FileError, Input, Profile, ReadOptions};

#[cfg(feature = "wasm-exports")]
mod exports;
#[cfg(feature = "wasm-exports")]
pub use exports::*;

/// The options object every export takes (all fields optional):
/// `{encoding?: "auto"|"utf8"|"gbk"|"utf16le"|"utf16be",
///   profile?: string id | profile object, edits?: Edit[],
///   columns?: {[field]: header text | column letter}}`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Options {
    encoding: Encoding,
    profile: Option<ProfileChoice>,
    pub edits: Vec<Edit>,
    /// Column mapping: field → header text or column letter (INPUT.md).
    /// (`Option`: the page may pass `columns: undefined`.)
    pub columns: Option<std::collections::BTreeMap<String, String>>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum ProfileChoice {
    /// A built-in profile's id (`"mof-2020"`).
    Id(String),
    /// An edited profile; checked by `Profile::from_json` like a CLI `--profile` file.
    Custom(serde_json::Value),
}

pub fn into_error<E: Display>(err: E) -> JsError {
    JsError::new(&err.to_string())
}

pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(into_error)
}

pub fn options(value: JsValue) -> Result<Options, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| into_error(format!("选项无法读取：{e}")))
}

impl Options {
    pub fn read(&self) -> ReadOptions {
        ReadOptions {
            encoding: self.encoding,
            columns: self.columns.clone().unwrap_or_default(),
            ..ReadOptions::default()
        }
    }

    pub fn profile(&self) -> Result<Profile, FileError> {
        match &self.profile {
            None => Profile::default_profile(),
            Some(ProfileChoice::Id(id)) => Profile::builtin(id),
            Some(ProfileChoice::Custom(value)) => Profile::from_json(&value.to_string()),
        }
    }
}

pub fn input_arg(input: JsValue) -> Result<Input, JsError> {
    from_js(input, "输入数据")
}

/// A JS value as `T`; the error names `what` could not be read.
pub fn from_js<T: serde::de::DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsError> {
    serde_wasm_bindgen::from_value(value).map_err(|e| into_error(format!("{what}无法读取：{e}")))
}

/// The input with the options' edits applied and scored, with its profile.
pub fn scored(input: JsValue, options: JsValue) -> Result<(Input, crate::Report, Profile), JsError> {
    let input = input_arg(input)?;
    let opts = self::options(options)?;
    let profile = opts.profile().map_err(into_error)?;
    let (input, report) = crate::score_for_export(&input, &profile, &opts.edits);
    Ok((input, report, profile))
}
