//! BIFF records: ids, the record reader and little-endian fields.

// Record ids (MS-XLS 2.3) of the records this reader looks at.
pub(super) const FORMULA: u16 = 0x0006;
pub(super) const EOF: u16 = 0x000A;
pub(super) const EXTERNSHEET: u16 = 0x0017;
pub(super) const LBL: u16 = 0x0018;
pub(super) const DATEMODE: u16 = 0x0022;
pub(super) const FILEPASS: u16 = 0x002F;
pub(super) const CONTINUE: u16 = 0x003C;
pub(super) const CODEPAGE: u16 = 0x0042;
pub(super) const BOUNDSHEET: u16 = 0x0085;
pub(super) const MULRK: u16 = 0x00BD;
pub(super) const RSTRING: u16 = 0x00D6;
pub(super) const XF: u16 = 0x00E0;
pub(super) const MERGECELLS: u16 = 0x00E5;
pub(super) const SST: u16 = 0x00FC;
pub(super) const LABELSST: u16 = 0x00FD;
pub(super) const DIMENSIONS: u16 = 0x0200;
pub(super) const NUMBER: u16 = 0x0203;
pub(super) const LABEL: u16 = 0x0204;
pub(super) const BOOLERR: u16 = 0x0205;
pub(super) const RK: u16 = 0x027E;
pub(super) const FORMAT: u16 = 0x041E;
pub(super) const BOF: u16 = 0x0809;

/// The records of the sheet whose BOF is at `at`, as calamine reads them:
/// up to the sheet's EOF, without its BOF and without nested substreams
/// (embedded charts and the like, BOF to EOF). Each record is (type, data,
/// offset of the data in the stream).
pub(super) fn sheet_records(stream: &[u8], mut at: usize) -> impl Iterator<Item = (u16, &[u8], usize)> {
    let mut seen_bof = false;
    let mut depth = 0usize;
    std::iter::from_fn(move || loop {
        let (typ, data, next) = biff_record(stream, at)?;
        let data_at = at + 4;
        at = next;
        if depth > 0 {
            match typ {
                BOF => depth += 1,
                EOF => depth -= 1,
                _ => {}
            }
            continue;
        }
        match typ {
            BOF if seen_bof => depth += 1,
            BOF => seen_bof = true,
            EOF => return None,
            _ => return Some((typ, data, data_at)),
        }
    })
}

/// The record at `at`: (type, data, offset of the next record); `None` at the
/// end of the stream or for a truncated record (calamine reports those).
pub(super) fn biff_record(stream: &[u8], at: usize) -> Option<(u16, &[u8], usize)> {
    let typ = le_u16(stream, at)?;
    let len = le_u16(stream, at + 2)? as usize;
    let data = stream.get(at + 4..at + 4 + len)?;
    Some((typ as u16, data, at + 4 + len))
}

/// The CONTINUE records calamine 0.38 appends to the record ending at `at`
/// (its `RecordIter`: while more than 4 bytes remain and the next record is
/// a CONTINUE), their data in order; at most `limit + 1` of them.
pub(super) fn continues(stream: &[u8], mut at: usize, limit: usize) -> Vec<&[u8]> {
    let mut out = Vec::new();
    while out.len() <= limit && stream.len().saturating_sub(at) > 4 && le_u16(stream, at) == Some(u32::from(CONTINUE)) {
        // A truncated CONTINUE: calamine reports the record as cut short.
        let Some((_, data, next)) = biff_record(stream, at) else { break };
        out.push(data);
        at = next;
    }
    out
}

/// Whether a BOF record starts BIFF8 records, as calamine decides it.
pub(super) fn bof_is_biff8(data: &[u8]) -> bool {
    let older = matches!(
        (le_u16(data, 0), le_u16(data, 2)),
        (Some(0x0200 | 0x0002 | 0x0007 | 0x0300 | 0x0400 | 0x0500), _) | (Some(0), Some(0x1000))
    );
    !older
}

pub(super) fn le_u16(bytes: &[u8], at: usize) -> Option<u32> {
    let b: [u8; 2] = bytes.get(at..at.checked_add(2)?)?.try_into().ok()?;
    Some(u32::from(u16::from_le_bytes(b)))
}

pub(super) fn le_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let b: [u8; 4] = bytes.get(at..at.checked_add(4)?)?.try_into().ok()?;
    Some(u32::from_le_bytes(b))
}
