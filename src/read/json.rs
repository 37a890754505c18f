//! The JSON form: `{"projects": [...]}`, one project object, or an array of them.

use crate::model::Input;
use crate::FileError;

pub fn read(_bytes: &[u8]) -> Result<Input, FileError> {
    Err(FileError::Json("未实现".into()))
}
