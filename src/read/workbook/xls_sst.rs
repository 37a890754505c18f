//! The shared string table (SST) of an XLS, checked the way calamine 0.38
//! decodes it.

use super::biff::le_u16;
use super::errors::corrupt;
use crate::FileError;

/// CONTINUE records after one SST that calamine is given. It takes them one
/// by one from the front of a list (quadratic in their number); a real SST
/// of a 50 MB file has fewer than 7,000 (8,224 bytes each).
pub(super) const MAX_CONTINUES: usize = 16_384;

/// Check an SST record (`first`, then its CONTINUE records) string by string
/// as calamine's `parse_sst` reads it: where calamine would index past the
/// end of a record (a rich-text run count or phonetic block size cut off,
/// an empty CONTINUE where a string goes on) or give up on the table, the
/// file is damaged.
pub(super) fn check_sst(first: &[u8], conts: &[&[u8]]) -> Result<(), FileError> {
    if conts.len() > MAX_CONTINUES {
        return Err(corrupt("共享字符串表的续记录过多"));
    }
    sst_strings_fit(first, conts).ok_or_else(|| corrupt("共享字符串表有误"))
}

/// `None` where calamine would panic or report an error.
fn sst_strings_fit(first: &[u8], conts: &[&[u8]]) -> Option<()> {
    let mut conts = conts.iter().copied();
    // cstTotal and cstUnique.
    let mut data = first.get(8..)?;
    loop {
        if data.is_empty() {
            match conts.next() {
                // An empty CONTINUE reads as an empty string.
                Some(next) => {
                    data = next;
                    continue;
                }
                None => return Some(()),
            }
        }
        // XLUnicodeRichExtendedString: cch, flags, [cRun], [cbExtRst], chars.
        let cch = le_u16(data, 0)? as usize;
        let flags = *data.get(2)?;
        data = data.get(3..)?;
        let mut runs = 0;
        if flags & 0x08 != 0 {
            runs = le_u16(data, 0)? as usize * 4;
            data = data.get(2..)?;
        }
        let mut ext = 0;
        if flags & 0x04 != 0 {
            let b: [u8; 4] = data.get(..4)?.try_into().ok()?;
            // As calamine converts it (a negative size is never reached).
            ext = i32::from_le_bytes(b) as usize;
            data = data.get(4..)?;
        }
        // The characters: 1 or 2 bytes each; a string split over a CONTINUE
        // goes on after a new flags byte.
        let mut left = cch;
        let mut wide = flags & 0x01 != 0;
        loop {
            let n = if wide { (data.len() / 2).min(left) } else { data.len().min(left) };
            data = data.get(if wide { 2 * n } else { n }..)?;
            left -= n;
            if left == 0 {
                break;
            }
            data = conts.next()?;
            wide = data.first()? & 0x01 != 0;
            data = data.get(1..)?;
        }
        skip(&mut data, &mut conts, runs)?;
        skip(&mut data, &mut conts, ext)?;
    }
}

/// Skip `len` bytes across CONTINUE records, as calamine's `Record::skip`.
fn skip<'a>(data: &mut &'a [u8], conts: &mut impl Iterator<Item = &'a [u8]>, mut len: usize) -> Option<()> {
    while len > 0 {
        if data.is_empty() {
            *data = conts.next()?;
        }
        let n = len.min(data.len());
        *data = data.get(n..)?;
        len -= n;
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(first: &[u8], conts: &[&[u8]]) -> bool {
        check_sst(first, conts).is_ok()
    }

    const HEAD: [u8; 8] = [2, 0, 0, 0, 2, 0, 0, 0];

    #[test]
    fn sst_strings_as_calamine_reads_them() {
        // "ab" compressed, then "é" in UTF-16.
        let mut sst = HEAD.to_vec();
        sst.extend([2, 0, 0, b'a', b'b', 1, 0, 1, 0xE9, 0]);
        assert!(ok(&sst, &[]));
        // A string split over a CONTINUE (new flags byte), then a rich-text
        // string whose runs lie in a second CONTINUE.
        let mut first = HEAD.to_vec();
        first.extend([3, 0, 0, b'a']);
        let mut second = vec![0, b'b', b'c'];
        second.extend([1, 0, 0x08, 1, 0, b'x']);
        assert!(ok(&first, &[&second, &[0, 0, 0, 0]]));
        // Its runs missing: calamine reports the table cut short.
        assert!(!ok(&first, &[&second]));
        // A run count cut off by the record's end (calamine would panic).
        let mut runs = HEAD.to_vec();
        runs.extend([1, 0, 0x08, 1]);
        assert!(!ok(&runs, &[]));
        // A phonetic block size cut off likewise.
        let mut ext = HEAD.to_vec();
        ext.extend([1, 0, 0x04, 1, 0, 0]);
        assert!(!ok(&ext, &[]));
        // A string going on into an empty CONTINUE (calamine would panic).
        let mut cut = HEAD.to_vec();
        cut.extend([3, 0, 0, b'a']);
        assert!(!ok(&cut, &[&[]]));
        // Empty CONTINUE records between strings are empty strings.
        assert!(ok(&sst, &[&[], &[1, 0, 0, b'z']]));
        // Too many CONTINUE records.
        let many = vec![&[][..]; MAX_CONTINUES + 1];
        assert!(!ok(&HEAD, &many));
    }
}
