//! The three comparison modes of shared/conformance/README.md.

/// Compares `got` with `want` under `mode` (`exact`, `ties` or `lines`). On a
/// mismatch, returns a short description of the first difference.
pub fn compare(mode: &str, want: &[u8], got: &[u8]) -> Result<(), String> {
    let want = String::from_utf8_lossy(want);
    let got = String::from_utf8_lossy(got);
    match mode {
        "ties" => ties(&want, &got),
        "lines" => lines(&want, &got),
        _ => exact(&want, &got),
    }
}

fn first_diff(want: &[&str], got: &[&str]) -> String {
    for (i, (w, g)) in want.iter().zip(got).enumerate() {
        if w != g {
            return format!("line {}:\n    want: {}\n    got:  {}", i + 1, clip(w), clip(g));
        }
    }
    match want.len().cmp(&got.len()) {
        std::cmp::Ordering::Greater => {
            format!("output ends at line {}; want: {}", got.len() + 1, clip(want[got.len()]))
        }
        std::cmp::Ordering::Less => {
            format!("extra output at line {}: {}", want.len() + 1, clip(got[want.len()]))
        }
        std::cmp::Ordering::Equal => "outputs differ only in line endings".to_string(),
    }
}

fn clip(s: &str) -> String {
    let mut t: String = s.chars().take(200).collect();
    if t.len() < s.len() {
        t.push_str("...");
    }
    t
}

fn exact(want: &str, got: &str) -> Result<(), String> {
    if want == got {
        return Ok(());
    }
    let w: Vec<&str> = want.split('\n').collect();
    let g: Vec<&str> = got.split('\n').collect();
    Err(first_diff(&w, &g))
}

/// The header: lines up to and including the first `---` line (searched in the
/// first `limit` lines), else the first line.
fn split_header<'a>(lines: &'a [&'a str], limit: usize) -> (&'a [&'a str], &'a [&'a str]) {
    let n = lines.iter().take(limit).position(|l| l.starts_with("---")).map_or(1, |i| i + 1);
    lines.split_at(n.min(lines.len()))
}

fn body_lines(s: &str) -> Vec<&str> {
    let mut v: Vec<&str> = s.split('\n').collect();
    if v.last() == Some(&"") {
        v.pop();
    }
    v
}

fn lines(want: &str, got: &str) -> Result<(), String> {
    let (w, g) = (body_lines(want), body_lines(got));
    let (wh, wb) = split_header(&w, 3);
    let (gh, gb) = split_header(&g, 3);
    if wh != gh {
        return Err(format!("header differs: {}", first_diff(wh, gh)));
    }
    let mut ws: Vec<&str> = wb.to_vec();
    let mut gs: Vec<&str> = gb.to_vec();
    ws.sort_unstable();
    gs.sort_unstable();
    if ws == gs {
        return Ok(());
    }
    let missing = ws.iter().find(|l| !gs.contains(l));
    let extra = gs.iter().find(|l| !ws.contains(l));
    Err(format!(
        "rows differ as a multiset ({} vs {} rows); missing: {}; unexpected: {}",
        ws.len(),
        gs.len(),
        missing.map_or("-".into(), |l| clip(l)),
        extra.map_or("-".into(), |l| clip(l))
    ))
}

/// The first numeric-looking token of a row (`4.05KB`, `3.73%`, `9`).
fn row_value(row: &str) -> Option<&str> {
    row.split_whitespace().find(|t| t.starts_with(|c: char| c.is_ascii_digit()))
}

fn ties(want: &str, got: &str) -> Result<(), String> {
    let (w, g) = (body_lines(want), body_lines(got));
    let (wh, wb) = split_header(&w, usize::MAX);
    let (gh, gb) = split_header(&g, usize::MAX);
    if wh != gh {
        return Err(format!("header differs: {}", first_diff(wh, gh)));
    }
    if wb.len() != gb.len() {
        return Err(format!("{} rows expected, got {}", wb.len(), gb.len()));
    }
    for (i, (a, b)) in wb.iter().zip(gb).enumerate() {
        if row_value(a) != row_value(b) {
            return Err(format!(
                "row {} value differs:\n    want: {}\n    got:  {}",
                i + 1,
                clip(a),
                clip(b)
            ));
        }
    }
    // Runs of equal values match as sets, except the last run (cut-off).
    let mut i = 0;
    while i < wb.len() {
        let v = row_value(wb[i]);
        let mut j = i;
        while j < wb.len() && row_value(wb[j]) == v {
            j += 1;
        }
        if j < wb.len() {
            let mut a: Vec<&str> = wb[i..j].to_vec();
            let mut b: Vec<&str> = gb[i..j].to_vec();
            a.sort_unstable();
            b.sort_unstable();
            if a != b {
                return Err(format!(
                    "rows {}-{} (value {}) differ as a set: {}",
                    i + 1,
                    j,
                    v.unwrap_or("-"),
                    first_diff(&a, &b)
                ));
            }
        }
        i = j;
    }
    Ok(())
}

/// Checks the comparison modes themselves (the runner has no test harness).
pub fn self_check() {
    ties_accept_reordered_equal_rows();
    lines_compare_as_multisets();
    exact_reports_first_difference();
}

fn ties_accept_reordered_equal_rows() {
    {
        let want = "H\n---\n9 a\n5 b\n5 c\n1 d\n1 e\n";
        assert!(compare("ties", want.as_bytes(), b"H\n---\n9 a\n5 c\n5 b\n1 x\n1 y\n").is_ok());
        assert!(compare("ties", want.as_bytes(), b"H\n---\n9 a\n5 c\n5 z\n1 x\n1 y\n").is_err());
        assert!(compare("ties", want.as_bytes(), b"H\n---\n9 a\n5 b\n4 c\n1 d\n1 e\n").is_err());
    }
}

fn lines_compare_as_multisets() {
    {
        let want = "A B\n---\nx\ny\ny\n";
        assert!(compare("lines", want.as_bytes(), b"A B\n---\ny\nx\ny\n").is_ok());
        assert!(compare("lines", want.as_bytes(), b"A B\n---\ny\nx\nx\n").is_err());
        assert!(compare("lines", b"H\nx\n", b"H\nx\n").is_ok());
    }
}

fn exact_reports_first_difference() {
    {
        let e = compare("exact", b"a\nb\n", b"a\nc\n").unwrap_err();
        assert!(e.contains("line 2"), "{e}");
    }
}
