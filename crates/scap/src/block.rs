//! Block type ids (scap-format.md §2.1). The block type *is* the version.

#![expect(missing_docs, reason = "constants are the upstream *_BLOCK_TYPE names")]

pub const SHB: u32 = 0x0A0D_0D0A;
pub const MI: u32 = 0x201;
pub const MI_INT: u32 = 0x8002_ABCD;
pub const PL_V1: u32 = 0x202;
pub const PL_V1_INT: u32 = 0x8000_ABCD;
pub const PL_V2: u32 = 0x207;
pub const PL_V2_INT: u32 = 0x8013_ABCD;
pub const PL_V3: u32 = 0x209;
pub const PL_V3_INT: u32 = 0x8014_ABCD;
pub const PL_V4: u32 = 0x210;
pub const PL_V5: u32 = 0x211;
pub const PL_V6: u32 = 0x212;
pub const PL_V7: u32 = 0x213;
pub const PL_V8: u32 = 0x214;
pub const PL_V9: u32 = 0x215;
pub const FDL: u32 = 0x203;
pub const FDL_INT: u32 = 0x8001_ABCD;
pub const FDL_V2: u32 = 0x218;
pub const EV: u32 = 0x204;
pub const EV_INT: u32 = 0x8010_ABCD;
pub const EV_V2: u32 = 0x216;
pub const EV_V2_LARGE: u32 = 0x221;
pub const EVF: u32 = 0x208;
pub const EVF_V2: u32 = 0x217;
pub const EVF_V2_LARGE: u32 = 0x222;
pub const IL: u32 = 0x205;
pub const IL_INT: u32 = 0x8011_ABCD;
pub const IL_V2: u32 = 0x219;
pub const UL: u32 = 0x206;
pub const UL_INT: u32 = 0x8012_ABCD;
pub const UL_V2: u32 = 0x220;

/// The byte-order magic of the section header.
pub const BYTE_ORDER_MAGIC: u32 = 0x1A2B_3C4D;

/// Largest body (block length − 8) of a non-LARGE event block (`READER_BUF_SIZE`).
pub const MAX_SMALL_EVENT_BODY: u32 = 65_536;

/// Every block type this reader knows, with its name.
pub static BLOCK_TYPES: &[(u32, &str)] = &[
    (SHB, "SHB"),
    (MI, "MI"),
    (MI_INT, "MI_INT"),
    (PL_V1, "PL_V1"),
    (PL_V1_INT, "PL_V1_INT"),
    (PL_V2, "PL_V2"),
    (PL_V2_INT, "PL_V2_INT"),
    (PL_V3, "PL_V3"),
    (PL_V3_INT, "PL_V3_INT"),
    (PL_V4, "PL_V4"),
    (PL_V5, "PL_V5"),
    (PL_V6, "PL_V6"),
    (PL_V7, "PL_V7"),
    (PL_V8, "PL_V8"),
    (PL_V9, "PL_V9"),
    (FDL, "FDL"),
    (FDL_INT, "FDL_INT"),
    (FDL_V2, "FDL_V2"),
    (EV, "EV"),
    (EV_INT, "EV_INT"),
    (EV_V2, "EV_V2"),
    (EV_V2_LARGE, "EV_V2_LARGE"),
    (EVF, "EVF"),
    (EVF_V2, "EVF_V2"),
    (EVF_V2_LARGE, "EVF_V2_LARGE"),
    (IL, "IL"),
    (IL_INT, "IL_INT"),
    (IL_V2, "IL_V2"),
    (UL, "UL"),
    (UL_INT, "UL_INT"),
    (UL_V2, "UL_V2"),
];

/// The name of a block type (`EV_V2`, `PL_V6`...).
pub fn block_type_name(t: u32) -> Option<&'static str> {
    BLOCK_TYPES.iter().find(|&&(id, _)| id == t).map(|&(_, n)| n)
}

/// The process-list version (1–9) of a PL block type.
pub fn pl_version(t: u32) -> Option<u8> {
    Some(match t {
        PL_V1 | PL_V1_INT => 1,
        PL_V2 | PL_V2_INT => 2,
        PL_V3 | PL_V3_INT => 3,
        PL_V4 => 4,
        PL_V5 => 5,
        PL_V6 => 6,
        PL_V7 => 7,
        PL_V8 => 8,
        PL_V9 => 9,
        _ => return None,
    })
}

/// Is this an event block, and which shape: `(v2 header, has dump flags, large)`.
pub fn event_block_shape(t: u32) -> Option<(bool, bool, bool)> {
    Some(match t {
        EV | EV_INT => (false, false, false),
        EVF => (false, true, false),
        EV_V2 => (true, false, false),
        EV_V2_LARGE => (true, false, true),
        EVF_V2 => (true, true, false),
        EVF_V2_LARGE => (true, true, true),
        _ => return None,
    })
}

/// Rounds `n` up to a multiple of 4.
#[inline]
pub fn round_up_4(n: usize) -> usize {
    (n + 3) & !3
}
