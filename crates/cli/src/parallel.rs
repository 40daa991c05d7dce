//! Parallel printing of a capture file without a filter. The main thread reads
//! the events and copies them into batches for the workers; every printer (the
//! main thread and each worker) keeps its own state engine current with every
//! event and formats the lines of one batch in N (N printers); the main thread
//! writes the batches' lines in file order. The output is the same bytes as
//! printing on one thread.
//!
//! Formatting a line costs several times what updating the state does, so the
//! state work each worker repeats is the smaller part, and copying the state
//! for each batch would cost more than repeating it (an engine with a few
//! hundred threads takes about half a millisecond to clone).
//!
//! Only for printing every event: a filter (which usually keeps few events),
//! `-w`, `-S`, `-n`, `-q`, `--unbuffered` and `-t D` (which needs the
//! previously printed event) print on the main thread.

use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, SyncSender, TryRecvError};
use std::thread::JoinHandle;

use anyhow::{Context, Result, anyhow};
use filter::TimeMode;
use scap::{Event, EventBatch, Metadata};

use crate::flags::LowArgs;
use crate::print::{Pipeline, Printer, time_mode};

/// Environment variable giving the number of printing threads, the main thread
/// included (0 or 1: print on the main thread only). The default is one per
/// available CPU but one, at most 4.
pub const THREADS_VAR: &str = "SYSRAY_PRINT_THREADS";

/// Environment variable setting the events per batch (for tests; the default
/// cuts batches by bytes).
pub const BATCH_EVENTS_VAR: &str = "SYSRAY_PRINT_BATCH_EVENTS";

/// Event bytes per batch: enough to make the handoffs rare, little enough to
/// keep memory low and the workers busy early.
const BATCH_BYTES: usize = 256 << 10;

/// Batches at most in the workers' hands or waiting to be written, per worker.
const IN_FLIGHT_PER_WORKER: usize = 2;

/// A run of events, and the sections that start among them.
#[derive(Default)]
struct Batch {
    events: EventBatch,
    /// Sections starting before the event of that index.
    sections: Vec<(usize, Metadata)>,
}

/// A batch for one worker: it prints the lines into `lines` and sends them
/// back on `reply` when it has one, else it only updates its state.
struct Job {
    batch: Arc<Batch>,
    print: Option<(Vec<u8>, SyncSender<Vec<u8>>)>,
}

/// The lines of a batch: printed here, or on their way from a worker.
enum Lines {
    Here(Vec<u8>),
    Worker(Receiver<Vec<u8>>),
}

/// The workers, and the batches on their way.
pub struct Parallel {
    /// Started at the first batch they have to see, so that a capture of a
    /// batch or less starts no thread.
    workers: Vec<(SyncSender<Job>, JoinHandle<()>)>,
    /// The workers' printers before they start, and the capture's metadata
    /// they load first.
    unstarted: Vec<Printer>,
    meta: Metadata,
    nworkers: usize,
    /// The lines of the batches, in file order.
    pending: VecDeque<Lines>,
    /// The lines of the current batch when the main thread prints it.
    here: Option<Vec<u8>>,
    max_in_flight: usize,
    current: Batch,
    /// Batches sent out, kept for reuse once every worker is done with them.
    sent: VecDeque<Arc<Batch>>,
    spare_lines: Vec<Vec<u8>>,
    batch_events: usize,
    /// Batches dispatched so far (see [`printer_of`]).
    dispatched: usize,
}

impl Parallel {
    /// The workers for `args`, their engines loaded with the capture's `meta`,
    /// or `None` when printing stays on the main thread.
    pub fn new(args: &LowArgs, filter_text: &str, meta: &Metadata) -> Result<Option<Parallel>> {
        let printers = if filter_text.trim().is_empty() { printers_for(args)? } else { 0 };
        if printers < 2 {
            return Ok(None);
        }
        let n = printers - 1;
        let batch_events = match std::env::var(BATCH_EVENTS_VAR) {
            Ok(v) => v.parse::<usize>().ok().filter(|&n| n > 0).ok_or_else(|| {
                anyhow!("{BATCH_EVENTS_VAR}={v}: expected a number of events above 0")
            })?,
            Err(_) => usize::MAX,
        };
        let unstarted =
            (0..n).map(|_| Printer::new(args, filter_text)).collect::<Result<Vec<_>>>()?;
        Ok(Some(Parallel {
            workers: Vec::new(),
            unstarted,
            meta: meta.clone(),
            nworkers: n,
            pending: VecDeque::new(),
            here: Some(Vec::new()),
            max_in_flight: printers * IN_FLIGHT_PER_WORKER,
            current: Batch::default(),
            sent: VecDeque::new(),
            spare_lines: Vec::new(),
            batch_events,
            dispatched: 0,
        }))
    }

    /// A new section of a concatenated capture.
    pub fn section(&mut self, p: &mut Pipeline, meta: &Metadata) {
        p.section(meta);
        self.current.sections.push((self.current.events.len(), meta.clone()));
    }

    /// Processes one event, prints it if the current batch is the main
    /// thread's, and adds it to the batch for the workers; a full batch goes
    /// to the workers and the lines they have finished are written.
    pub fn event(&mut self, p: &mut Pipeline, ev: &Event<'_>) -> Result<()> {
        let outcome = p.printer.process(ev);
        if let Some(lines) = &mut self.here
            && p.printer.printable(&outcome)
        {
            p.printer.print(ev, lines);
        }
        self.current.events.push(ev);
        let b = &self.current.events;
        if b.byte_len() >= BATCH_BYTES || b.len() >= self.batch_events {
            self.dispatch(p, false)?;
        }
        Ok(())
    }

    /// Writes every batch's lines; call before [`Pipeline::finish`], also when
    /// reading stopped on an error.
    pub fn finish(mut self, p: &mut Pipeline) -> Result<()> {
        self.dispatch(p, true)?;
        while !self.pending.is_empty() {
            self.write_oldest(p)?;
        }
        for (tx, worker) in self.workers.drain(..) {
            drop(tx);
            worker.join().map_err(|_| anyhow!("a printing thread failed"))?;
        }
        Ok(())
    }

    /// Starts the workers.
    fn start(&mut self) -> Result<()> {
        for (i, mut printer) in self.unstarted.drain(..).enumerate() {
            let (tx, rx) = mpsc::sync_channel(self.max_in_flight);
            let meta = self.meta.clone();
            let worker = std::thread::Builder::new()
                .name(format!("print-{i}"))
                .spawn(move || {
                    printer.engine.load_metadata(&meta);
                    work(printer, &rx);
                })
                .context("starting a printing thread")?;
            self.workers.push((tx, worker));
        }
        Ok(())
    }

    /// Hands the current batch to the workers (the `last` one only to the
    /// worker that prints it), and writes what they finished.
    fn dispatch(&mut self, p: &mut Pipeline, last: bool) -> Result<()> {
        if self.current.events.is_empty() && self.current.sections.is_empty() {
            return Ok(());
        }
        let next = self.reusable_batch();
        let batch = Arc::new(std::mem::replace(&mut self.current, next));
        let (done, reply) = mpsc::sync_channel(1);
        let mut print = match self.here.take() {
            Some(lines) => {
                self.pending.push_back(Lines::Here(lines));
                None
            }
            None => {
                self.pending.push_back(Lines::Worker(reply));
                Some((self.spare_lines.pop().unwrap_or_default(), done))
            }
        };
        if !last || print.is_some() {
            self.start()?;
        }
        let printer = printer_of(self.dispatched, self.nworkers);
        for (i, (tx, _)) in self.workers.iter().enumerate() {
            let print = if i + 1 == printer { print.take() } else { None };
            if last && print.is_none() {
                continue;
            }
            tx.send(Job { batch: Arc::clone(&batch), print })
                .map_err(|_| anyhow!("a printing thread failed"))?;
        }
        self.sent.push_back(batch);
        self.dispatched += 1;
        if printer_of(self.dispatched, self.nworkers) == 0 {
            self.here = Some(self.spare_lines.pop().unwrap_or_default());
        }
        while self.pending.len() >= self.max_in_flight {
            self.write_oldest(p)?;
        }
        while let Some(front) = self.pending.front() {
            let lines = match front {
                Lines::Here(_) => None,
                Lines::Worker(reply) => match reply.try_recv() {
                    Ok(lines) => Some(lines),
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => {
                        return Err(anyhow!("a printing thread failed"));
                    }
                },
            };
            match (self.pending.pop_front(), lines) {
                (Some(Lines::Here(lines)), _) | (_, Some(lines)) => self.write(p, lines)?,
                _ => {}
            }
        }
        Ok(())
    }

    /// An empty batch: one every worker is done with, else a new one.
    fn reusable_batch(&mut self) -> Batch {
        let mut in_use = VecDeque::with_capacity(self.sent.len());
        let mut free = None;
        for b in self.sent.drain(..) {
            match Arc::try_unwrap(b) {
                Ok(b) if free.is_none() => free = Some(b),
                Ok(_) => {}
                Err(b) => in_use.push_back(b),
            }
        }
        self.sent = in_use;
        let Some(mut b) = free else {
            let mut b = Batch::default();
            b.events.reserve(BATCH_BYTES + (64 << 10), 4096);
            return b;
        };
        b.events.clear();
        b.sections.clear();
        b
    }

    fn write_oldest(&mut self, p: &mut Pipeline) -> Result<()> {
        let lines = match self.pending.pop_front() {
            None => return Ok(()),
            Some(Lines::Here(lines)) => lines,
            Some(Lines::Worker(reply)) => {
                reply.recv().map_err(|_| anyhow!("a printing thread failed"))?
            }
        };
        self.write(p, lines)
    }

    fn write(&mut self, p: &mut Pipeline, mut lines: Vec<u8>) -> Result<()> {
        p.write_printed(&lines)?;
        lines.clear();
        self.spare_lines.push(lines);
        Ok(())
    }
}

/// Which printer prints batch `n`: 0 for the main thread, `i + 1` for worker
/// `i`. The main thread also reads and copies every event, so it prints two
/// batches in every `2 * printers + 1` (two in five with one worker); the
/// workers share the rest in turn.
fn printer_of(n: usize, workers: usize) -> usize {
    let printers = workers + 1;
    match n % (2 * printers + 1) {
        0 => 0,
        slot if slot == printers => 0,
        slot if slot < printers => slot,
        slot => 1 + (slot - 2) % workers,
    }
}

/// Printers (the main thread and the workers) for `args`: none where the
/// output needs the main thread's order of work, else [`THREADS_VAR`] or one
/// per CPU.
fn printers_for(args: &LowArgs) -> Result<usize> {
    let sequential = args.write_file.is_some()
        || args.summary
        || args.num_events.is_some()
        || args.quiet
        || args.unbuffered
        || time_mode(args) == TimeMode::Delta;
    if sequential {
        return Ok(0);
    }
    match std::env::var(THREADS_VAR) {
        Ok(v) => v
            .parse::<usize>()
            .map_err(|_| anyhow!("{THREADS_VAR}={v}: expected a number of threads")),
        // One CPU stays with the thread that reads and inflates the file: on two
        // CPUs a second printer slows printing down whenever anything else runs
        // (measured on a 2-vCPU VM: 30 % more CPU, 6 % less wall time when the
        // machine was idle, 15 % more when it was busy).
        Err(_) => Ok(std::thread::available_parallelism().map_or(1, |n| n.get() - 1).min(4)),
    }
}

/// A worker: updates its engine with every batch, prints the ones it is given
/// lines for.
fn work(mut printer: Printer, jobs: &Receiver<Job>) {
    while let Ok(Job { batch, print }) = jobs.recv() {
        let mut sections = batch.sections.iter().peekable();
        let mut load_sections = |printer: &mut Printer, upto: usize| {
            while let Some((_, meta)) = sections.next_if(|(at, _)| *at <= upto) {
                printer.engine.load_metadata(meta);
            }
        };
        match print {
            Some((mut lines, reply)) => {
                for (i, ev) in batch.events.iter().enumerate() {
                    load_sections(&mut printer, i);
                    let outcome = printer.process(&ev);
                    if printer.printable(&outcome) {
                        printer.print(&ev, &mut lines);
                    }
                }
                load_sections(&mut printer, usize::MAX);
                if reply.send(lines).is_err() {
                    return;
                }
            }
            None => {
                for (i, ev) in batch.events.iter().enumerate() {
                    load_sections(&mut printer, i);
                    printer.process(&ev);
                }
                load_sections(&mut printer, usize::MAX);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::printer_of;

    #[test]
    fn every_printer_gets_its_share() {
        for workers in 1..=4 {
            let printers = workers + 1;
            let cycle = 2 * printers + 1;
            let mut counts = vec![0; printers];
            for n in 0..cycle * 3 {
                counts[printer_of(n, workers)] += 1;
            }
            assert_eq!(counts[0], 6, "{workers} workers: {counts:?}");
            let (min, max) = (counts[1..].iter().min(), counts[1..].iter().max());
            assert!(max.unwrap() - min.unwrap() <= 3, "{workers} workers: {counts:?}");
            assert!(counts[1..].iter().all(|&c| c >= 6), "{workers} workers: {counts:?}");
        }
    }
}
