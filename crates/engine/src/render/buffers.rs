//! Data buffers (`BYTEBUF` parameters, `evt.buffer`) in sysdig's display modes:
//! dots for non-printables (default, cut to 80 columns unless verbose), ASCII
//! only (`-A`), hex (`-x`), hex and ASCII (`-X`) and base64 (`-b`).

use std::io::Write;

use super::{BufferFormat, RenderOptions};

fn printable(c: u8) -> bool {
    (0x20..0x7f).contains(&c)
}

/// Appends `data` with every non-printable byte shown as `.`.
fn push_dotted(out: &mut Vec<u8>, data: &[u8]) {
    out.extend(data.iter().map(|&c| if printable(c) { c } else { b'.' }));
}

/// Appends `data` rendered per `opts`.
pub(crate) fn push_buffer(out: &mut Vec<u8>, data: &[u8], opts: &RenderOptions) {
    if data.is_empty() {
        return;
    }
    let start = out.len();
    match opts.buffer {
        BufferFormat::Dots => {
            // One output byte per input byte: only what the cut keeps is rendered.
            let cut = opts.max_len != 0 && data.len() > opts.max_len;
            push_dotted(out, if cut { &data[..opts.max_len] } else { data });
            if cut && opts.max_len > 3 {
                let end = start + opts.max_len;
                out[end - 3..end].copy_from_slice(b"...");
            }
        }
        BufferFormat::Ascii | BufferFormat::AsciiCompact => {
            if opts.buffer == BufferFormat::Ascii {
                out.push(b'\n');
            }
            for (j, &c) in data.iter().enumerate() {
                if printable(c) {
                    out.push(c);
                } else if c == b'\r' || (c == b'\n' && j > 0 && data[j - 1] != b'\r') {
                    out.push(b'\n');
                }
            }
        }
        BufferFormat::Hex | BufferFormat::HexAscii => {
            push_hex(out, data, opts.buffer == BufferFormat::HexAscii)
        }
        BufferFormat::Base64 => push_base64(out, data),
    }
}

fn push_hex(out: &mut Vec<u8>, data: &[u8], ascii: bool) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let hex2 = |out: &mut Vec<u8>, b: u8| {
        out.push(HEX[(b >> 4) as usize]);
        out.push(HEX[(b & 0xf) as usize]);
    };
    for (row, chunk) in data.chunks(16).enumerate() {
        out.extend_from_slice(b"\n\t0x");
        let _ = write!(out, "{:04x}", row * 16);
        out.push(b':');
        let mut groups = 0;
        for pair in chunk.chunks(2) {
            out.push(b' ');
            hex2(out, pair[0]);
            if let Some(&b) = pair.get(1) {
                hex2(out, b);
            }
            groups += 1;
        }
        if ascii {
            for _ in groups..8 {
                out.extend_from_slice(b"     ");
            }
            out.extend_from_slice(b"  ");
            push_dotted(out, chunk);
        }
    }
    out.push(b'\n');
}

fn push_base64(out: &mut Vec<u8>, data: &[u8]) {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for c in data.chunks(3) {
        let b = [c[0], c.get(1).copied().unwrap_or(0), c.get(2).copied().unwrap_or(0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        out.push(T[(n >> 18) as usize & 63]);
        out.push(T[(n >> 12) as usize & 63]);
        out.push(if c.len() > 1 { T[(n >> 6) as usize & 63] } else { b'=' });
        out.push(if c.len() > 2 { T[n as usize & 63] } else { b'=' });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(data: &[u8], buffer: BufferFormat, max_len: usize) -> String {
        let mut o = Vec::new();
        push_buffer(&mut o, data, &RenderOptions { buffer, max_len });
        String::from_utf8(o).unwrap()
    }

    #[test]
    fn dots_and_cut() {
        assert_eq!(render(b"a\r\nb", BufferFormat::Dots, 80), "a..b");
        let long = vec![b'x'; 100];
        let r = render(&long, BufferFormat::Dots, 80);
        assert_eq!(r.len(), 80);
        assert!(r.ends_with("xx..."));
        assert_eq!(render(&long, BufferFormat::Dots, 0).len(), 100);
        // Only the kept bytes are rendered: the same text as rendering all.
        let mixed: Vec<u8> = (0..8192u32).map(|i| (i % 251) as u8).collect();
        let all = render(&mixed, BufferFormat::Dots, 0);
        let cut = render(&mixed, BufferFormat::Dots, 80);
        assert_eq!(cut, format!("{}...", &all[..77]));
        assert_eq!(render(&mixed[..80], BufferFormat::Dots, 80), all[..80]);
        assert_eq!(render(b"", BufferFormat::Hex, 80), "");
    }

    #[test]
    fn ascii_mode() {
        assert_eq!(render(b"HTTP\r\nA\nB\x01", BufferFormat::Ascii, 0), "\nHTTP\nA\nB");
        assert_eq!(render(b"\nx", BufferFormat::AsciiCompact, 0), "x");
    }

    #[test]
    fn hex_modes() {
        assert_eq!(
            render(b"HTTP/1.1 200 OK\r", BufferFormat::Hex, 0),
            "\n\t0x0000: 4854 5450 2f31 2e31 2032 3030 204f 4b0d\n"
        );
        assert_eq!(
            render(b"abc", BufferFormat::HexAscii, 0),
            "\n\t0x0000: 6162 63                                abc\n"
        );
    }

    #[test]
    fn base64() {
        assert_eq!(render(b"HTTP/1.1", BufferFormat::Base64, 0), "SFRUUC8xLjE=");
        assert_eq!(render(b"ab", BufferFormat::Base64, 0), "YWI=");
    }
}
