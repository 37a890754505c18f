//! Characters from cells that must not reach a terminal as they are:
//! control characters (ESC starts colour and cursor sequences, BEL rings,
//! CR overwrites the line) and bidi overrides (RLO reverses the text after
//! it). Text output shows them as visible escapes; JSON escapes controls
//! itself (as JSON does) and the page shows marks of its own.

use std::borrow::Cow;

/// Does `c` need a visible escape in text output? C0 controls other than
/// line feed and tab, DEL, C1 controls (U+009B is an 8-bit CSI), the bidi
/// marks, embeddings, overrides and isolates, and the line/paragraph
/// separators.
pub fn is_unsafe_char(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{8}'
            | '\u{b}'..='\u{1f}'
            | '\u{7f}'..='\u{9f}'
            | '\u{61c}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
    )
}

/// `s` with every [`is_unsafe_char`] shown as an escape: `\x1b` for a
/// control below U+0100, `\u{202e}` for the others.
pub fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            c if !is_unsafe_char(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_overrides_are_shown_as_escapes() {
        assert_eq!(visible("a\u{1b}[31m红\u{7}"), "a\\x1b[31m红\\x07");
        assert_eq!(visible("\u{202e}txt.exe"), "\\u{202e}txt.exe");
        assert_eq!(visible("行一\r\n\t行二\u{9b}2J"), "行一\\x0d\n\t行二\\x9b2J");
        assert_eq!(
            visible("\u{2066}x\u{2069}\u{200f}\u{61c}\u{2028}"),
            "\\u{2066}x\\u{2069}\\u{200f}\\u{61c}\\u{2028}"
        );
        // Ordinary text (CJK, full-width, emoji, zero-width joiners) is untouched.
        for ok in ["群众满意率≥90%", "（满分15分）", "a\u{200d}b", "😀", ""] {
            assert!(matches!(visible(ok), Cow::Borrowed(_)), "{ok}");
        }
    }
}
