//! `-S`: the table of the most frequent event types, as sysdig prints it.
//!
//! sysdig keeps one counter per event id and one per generic syscall code and
//! direction, sorts them with C++ `std::sort` by count (descending, no tie-break)
//! and prints the first 100 non-zero rows. Rows with equal counts come out in the
//! order libstdc++'s introsort leaves them, so [`introsort`] reproduces that
//! algorithm to print byte-identical tables.

use std::io::Write;

use scap::table::{self, EVENT_COUNT_0_29, SYSCALL_NAMES};

/// Counters per event id and per generic syscall code.
pub struct Summary {
    /// `(counter id, calls)`: ids below 336 are event ids; `336 + 2*code (+1)` are
    /// generic enter (exit) events of syscall `code`.
    counts: Vec<u64>,
}

impl Default for Summary {
    fn default() -> Self {
        Summary { counts: vec![0; EVENT_COUNT_0_29 as usize + SYSCALL_NAMES.len() * 2] }
    }
}

impl Summary {
    /// Counts one event.
    pub fn add(&mut self, ev: &scap::Event<'_>) {
        let t = ev.event_type();
        let slot = if t <= 1 {
            let code = ev.param_u64(0).unwrap_or(0) as usize;
            EVENT_COUNT_0_29 as usize + code * 2 + t as usize
        } else {
            t as usize
        };
        if let Some(c) = self.counts.get_mut(slot) {
            *c += 1;
        }
    }

    /// Prints the table (at most 100 rows).
    pub fn print(&self, out: &mut impl Write) -> std::io::Result<()> {
        writeln!(out, "----------------------")?;
        writeln!(out, "{:<16}#Calls", "Event")?;
        writeln!(out, "----------------------")?;
        let mut rows: Vec<(usize, u64)> = self.counts.iter().copied().enumerate().collect();
        introsort(&mut rows, &|a: &(usize, u64), b: &(usize, u64)| a.1 > b.1);
        for &(slot, n) in rows.iter().take(100) {
            if n == 0 {
                break;
            }
            let (name, enter) = if slot < EVENT_COUNT_0_29 as usize {
                let name = table::event_info(slot as u16).map_or("", |e| e.name);
                (name, slot % 2 == 0)
            } else {
                let id = slot - EVENT_COUNT_0_29 as usize;
                (SYSCALL_NAMES.get(id / 2).copied().unwrap_or(""), id.is_multiple_of(2))
            };
            writeln!(out, "{} {name:<16}{n}", if enter { '>' } else { '<' })?;
        }
        Ok(())
    }
}

const THRESHOLD: usize = 16;

/// Sorts like libstdc++'s `std::sort`: introsort (median-of-three pivot moved to
/// the front, unguarded Hoare partition, heap sort past a depth limit of
/// 2·log2(n)) down to runs of 16, then one final insertion sort.
pub fn introsort<T: Copy>(v: &mut [T], less: &dyn Fn(&T, &T) -> bool) {
    if v.len() < 2 {
        return;
    }
    let depth = 2 * (usize::BITS - 1 - v.len().leading_zeros()) as usize;
    introsort_loop(v, depth, less);
    final_insertion_sort(v, less);
}

fn introsort_loop<T: Copy>(mut v: &mut [T], mut depth: usize, less: &dyn Fn(&T, &T) -> bool) {
    while v.len() > THRESHOLD {
        if depth == 0 {
            heap_sort(v, less);
            return;
        }
        depth -= 1;
        let cut = partition_pivot(v, less);
        let (left, right) = v.split_at_mut(cut);
        introsort_loop(right, depth, less);
        v = left;
    }
}

fn partition_pivot<T: Copy>(v: &mut [T], less: &dyn Fn(&T, &T) -> bool) -> usize {
    let mid = v.len() / 2;
    let last = v.len() - 1;
    move_median_to_first(v, 0, 1, mid, last, less);
    unguarded_partition(v, 1, v.len(), 0, less)
}

fn move_median_to_first<T: Copy>(
    v: &mut [T],
    result: usize,
    a: usize,
    b: usize,
    c: usize,
    less: &dyn Fn(&T, &T) -> bool,
) {
    if less(&v[a], &v[b]) {
        if less(&v[b], &v[c]) {
            v.swap(result, b);
        } else if less(&v[a], &v[c]) {
            v.swap(result, c);
        } else {
            v.swap(result, a);
        }
    } else if less(&v[a], &v[c]) {
        v.swap(result, a);
    } else if less(&v[b], &v[c]) {
        v.swap(result, c);
    } else {
        v.swap(result, b);
    }
}

fn unguarded_partition<T: Copy>(
    v: &mut [T],
    mut first: usize,
    mut last: usize,
    pivot: usize,
    less: &dyn Fn(&T, &T) -> bool,
) -> usize {
    loop {
        while less(&v[first], &v[pivot]) {
            first += 1;
        }
        last -= 1;
        while less(&v[pivot], &v[last]) {
            last -= 1;
        }
        if first >= last {
            return first;
        }
        v.swap(first, last);
        first += 1;
    }
}

fn final_insertion_sort<T: Copy>(v: &mut [T], less: &dyn Fn(&T, &T) -> bool) {
    if v.len() > THRESHOLD {
        insertion_sort(&mut v[..THRESHOLD], less);
        for i in THRESHOLD..v.len() {
            unguarded_linear_insert(v, i, less);
        }
    } else {
        insertion_sort(v, less);
    }
}

fn insertion_sort<T: Copy>(v: &mut [T], less: &dyn Fn(&T, &T) -> bool) {
    for i in 1..v.len() {
        let val = v[i];
        if less(&val, &v[0]) {
            v.copy_within(0..i, 1);
            v[0] = val;
        } else {
            unguarded_linear_insert(v, i, less);
        }
    }
}

fn unguarded_linear_insert<T: Copy>(v: &mut [T], mut i: usize, less: &dyn Fn(&T, &T) -> bool) {
    let val = v[i];
    while less(&val, &v[i - 1]) {
        v[i] = v[i - 1];
        i -= 1;
    }
    v[i] = val;
}

fn heap_sort<T: Copy>(v: &mut [T], less: &dyn Fn(&T, &T) -> bool) {
    // make_heap, then sort_heap, as libstdc++ does.
    let n = v.len();
    if n < 2 {
        return;
    }
    let mut parent = (n - 2) / 2;
    loop {
        let val = v[parent];
        adjust_heap(v, parent, n, val, less);
        if parent == 0 {
            break;
        }
        parent -= 1;
    }
    let mut end = n;
    while end > 1 {
        end -= 1;
        let val = v[end];
        v[end] = v[0];
        adjust_heap(v, 0, end, val, less);
    }
}

fn adjust_heap<T: Copy>(
    v: &mut [T],
    mut hole: usize,
    len: usize,
    val: T,
    less: &dyn Fn(&T, &T) -> bool,
) {
    let top = hole;
    let mut child = hole;
    while child < (len - 1) / 2 {
        child = 2 * (child + 1);
        if less(&v[child], &v[child - 1]) {
            child -= 1;
        }
        v[hole] = v[child];
        hole = child;
    }
    if len.is_multiple_of(2) && child == (len - 2) / 2 {
        child = 2 * (child + 1);
        v[hole] = v[child - 1];
        hole = child - 1;
    }
    // push_heap
    let mut parent = if hole > 0 { (hole - 1) / 2 } else { 0 };
    while hole > top && less(&v[parent], &val) {
        v[hole] = v[parent];
        hole = parent;
        parent = if hole > 0 { (hole - 1) / 2 } else { 0 };
    }
    v[hole] = val;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_a_sort() {
        let mut seed = 12345u64;
        for n in [0usize, 1, 2, 15, 16, 17, 100, 1000, 5000] {
            let mut v: Vec<(usize, u64)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                    (i, (seed >> 33) % 50)
                })
                .collect();
            introsort(&mut v, &|a: &(usize, u64), b: &(usize, u64)| a.1 > b.1);
            assert!(v.windows(2).all(|w| w[0].1 >= w[1].1), "n={n}");
            let mut ids: Vec<usize> = v.iter().map(|x| x.0).collect();
            ids.sort_unstable();
            assert!(ids.iter().copied().eq(0..n));
        }
    }

    #[test]
    fn heap_sort_sorts() {
        let mut v = vec![5u64, 1, 9, 3, 3, 7, 0, 2, 8];
        heap_sort(&mut v, &|a: &u64, b: &u64| a < b);
        assert_eq!(v, vec![0, 1, 2, 3, 3, 5, 7, 8, 9]);
    }
}
