//! Normalisation of cell text and the char-level scanning helpers the
//! other parsers share (no byte indices, no panicking slices).

use std::borrow::Cow;

/// Normalise full-width and look-alike characters to their plain forms:
/// full-width ASCII (０-９ Ａ-Ｚ ％ ＋ － ． ， ： （ ） ＞ ＜ ＝ ～) → ASCII,
/// ≧ ⩾ → ≥, ≦ ⩽ → ≤, ═ → =, `>=` → ≥, `<=` → ≤, − – ﹣ → -, 〜 → ~ (range
/// marks, S21), ﹪ → %; ideographic space, NBSP and every other white space →
/// space; zero-width characters are removed; trims and collapses runs of
/// white space (line breaks included). Chinese punctuation outside the
/// full-width ASCII block (“” 、 。 —) is kept as is.
pub fn normalize(s: &str) -> Cow<'_, str> {
    if is_normal(s) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(normalize_mapped(s))
}

/// Is `s` its own normalisation? Nothing to map or drop, single spaces
/// only between other characters, no `>=` / `<=`. Most cells are: they skip
/// the char buffer of [`normalize_mapped`].
fn is_normal(s: &str) -> bool {
    let mut prev = ' '; // a leading space is not normal
    for c in s.chars() {
        let plain = match c {
            // CJK ideographs (most of a cell): none is mapped.
            '\u{3400}'..='\u{9FFF}' => true,
            '\u{FF01}'..='\u{FF5E}'
            | '≧'
            | '⩾'
            | '≦'
            | '⩽'
            | '═'
            | '﹦'
            | '﹥'
            | '﹤'
            | '﹪'
            | '−'
            | '–'
            | '﹣'
            | '〜' => false,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => false,
            ' ' => prev != ' ',
            '=' => prev != '>' && prev != '<',
            c => !c.is_whitespace(),
        };
        if !plain {
            return false;
        }
        prev = c;
    }
    prev != ' ' // nor a trailing one (or an empty text)
}

/// [`normalize`] the long way, for any text.
pub(super) fn normalize_mapped(s: &str) -> String {
    let mut mapped: Vec<char> = Vec::with_capacity(s.len());
    for c in s.chars() {
        let c = match c {
            // Full-width ASCII block ！..～ → ASCII ! .. ~.
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '≧' | '⩾' => '≥',
            '≦' | '⩽' => '≤',
            '═' | '﹦' => '=',
            '﹥' => '>',
            '﹤' => '<',
            '﹪' => '%',
            '−' | '–' | '﹣' => '-',
            '〜' => '~',
            // Zero-width characters and the soft hyphen: dropped.
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => continue,
            c if c.is_whitespace() => ' ',
            c => c,
        };
        mapped.push(c);
    }
    let mut out = String::with_capacity(mapped.len());
    let mut i = 0;
    while let Some(&c) = mapped.get(i) {
        let next = mapped.get(i + 1).copied();
        match (c, next) {
            ('>', Some('=')) => {
                out.push('≥');
                i += 2;
                continue;
            }
            ('<', Some('=')) => {
                out.push('≤');
                i += 2;
                continue;
            }
            (' ', _) => {
                // Collapse runs; leading and trailing spaces go.
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            (c, _) => out.push(c),
        }
        i += 1;
    }
    let trimmed_len = out.trim_end().len();
    out.truncate(trimmed_len);
    out
}

/// Cells this long or shorter are scanned from a buffer on the stack.
const INLINE_CHARS: usize = 48;

/// The chars of a cell for the scanners: on the stack for a short cell
/// (most are), so that parsing one allocates nothing; in a `Vec` otherwise.
pub(super) enum Chars {
    Inline([char; INLINE_CHARS], usize),
    Heap(Vec<char>),
}

impl Chars {
    pub(super) fn new(mut chars: impl Iterator<Item = char>) -> Chars {
        let mut buf = ['\0'; INLINE_CHARS];
        let mut len = 0;
        while let Some(c) = chars.next() {
            match buf.get_mut(len) {
                Some(slot) => *slot = c,
                None => {
                    let mut heap = Vec::with_capacity(2 * INLINE_CHARS);
                    heap.extend_from_slice(&buf);
                    heap.push(c);
                    heap.extend(chars);
                    return Chars::Heap(heap);
                }
            }
            len += 1;
        }
        Chars::Inline(buf, len)
    }
}

impl std::ops::Deref for Chars {
    type Target = [char];
    fn deref(&self) -> &[char] {
        match self {
            Chars::Inline(buf, len) => buf.get(..*len).unwrap_or_default(),
            Chars::Heap(v) => v,
        }
    }
}

/// Does `cs` hold `word` starting at `i`?
pub(super) fn has_at(cs: &[char], i: usize, word: &str) -> bool {
    word.chars().enumerate().all(|(k, w)| cs.get(i + k) == Some(&w))
}

/// Number of chars in `word`.
pub(super) fn char_len(word: &str) -> usize {
    word.chars().count()
}

/// The first position at or after `i` that is not a space.
pub(super) fn skip_spaces(cs: &[char], mut i: usize) -> usize {
    while cs.get(i) == Some(&' ') {
        i += 1;
    }
    i
}

pub(super) fn is_digit_at(cs: &[char], i: usize) -> bool {
    cs.get(i).is_some_and(|c| c.is_ascii_digit())
}

pub(super) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}
