//! The `chisel`, `sysdig` and `evt` tables of the chisel API (chisel-api.md 4).

use std::ffi::c_void;
use std::io::IsTerminal;
use std::rc::Rc;

use engine::BufferFormat;
use filter::FieldSource;
use filter::fields::{Context, FieldId, resolve};
use filter::value::Value as FValue;
use mlua::{LightUserData, Lua, MultiValue, Table, Value};

use super::{ChiselState, Handle, Shared, tables};

fn err<T>(msg: impl Into<String>) -> mlua::Result<T> {
    Err(mlua::Error::RuntimeError(msg.into()))
}

pub(super) fn shared(lua: &Lua) -> mlua::Result<Rc<Shared>> {
    match lua.app_data_ref::<Rc<Shared>>() {
        Some(s) => Ok(s.clone()),
        None => err("chisel host state missing"),
    }
}

pub(super) fn chisel(lua: &Lua) -> mlua::Result<Rc<ChiselState>> {
    match lua.app_data_ref::<Rc<ChiselState>>() {
        Some(s) => Ok(s.clone()),
        None => err("chisel state missing"),
    }
}

/// Converts a field value to Lua (chisel-api.md 5.1).
pub(crate) fn to_lua(lua: &Lua, v: FValue<'_>) -> mlua::Result<Value> {
    Ok(match v {
        FValue::Str(s) | FValue::Bytes(s) => Value::String(lua.create_string(s)?),
        FValue::I64(n) => Value::Number(n as f64),
        FValue::U64(n) => Value::Number(n as f64),
        FValue::Double(d) => Value::Number(d),
        FValue::Bool(b) => Value::Boolean(b),
        FValue::Ip(ip) => Value::String(lua.create_string(ip.to_string())?),
    })
}

fn handle_index(h: &Value) -> Option<usize> {
    match h {
        Value::LightUserData(p) => (p.0 as usize).checked_sub(1),
        _ => None,
    }
}

/// `evt.field(handle)`: the hot path. The shared and per-chisel states are
/// captured by the closure instead of looked up per call.
fn evt_field(lua: &Lua, sh: &Shared, st: &ChiselState, h: Value) -> mlua::Result<Value> {
    let Some(idx) = handle_index(&h) else { return Ok(Value::Nil) };
    let Some(ctx) = sh.ctx() else { return err("invalid call to evt.field()") };
    let mut handles = st.handles.borrow_mut();
    let Some(handle) = handles.get_mut(idx) else { return err("invalid field handle") };
    let opts = sh.render_opts();
    let mut scratch = st.scratch.borrow_mut();
    match handle.field.id {
        FieldId::EvtBuffer => {
            scratch.clear();
            if ctx.write_arg(
                &mut scratch,
                engine::ArgSel::Name("data"),
                engine::ArgForm::Value,
                &opts,
            ) {
                return Ok(Value::String(lua.create_string(&*scratch)?));
            }
            return Ok(Value::Nil);
        }
        FieldId::ThreadCpu => {
            let ev = ctx.event();
            if ev.event_type() != scap::table::ids::PROCINFO_E {
                return Ok(Value::Nil);
            }
            let total = ev.param_u64(0).unwrap_or(0).wrapping_add(ev.param_u64(1).unwrap_or(0));
            let last = handle.cpu_last.insert(ev.tid() as i64, total).unwrap_or(0);
            let load = if last != 0 { (total.wrapping_sub(last) as f64).min(100.0) } else { 0.0 };
            return Ok(Value::Number(load));
        }
        _ => {}
    }
    let mut out = Ok(Value::Nil);
    let mut x = sh.extractor.borrow_mut();
    x.source(ctx).extract(&handle.field, &mut |v| {
        out = to_lua(lua, v);
        true
    });
    out
}

fn install_evt(lua: &Lua) -> mlua::Result<Table> {
    let t = lua.create_table()?;
    let (sh, st) = (shared(lua)?, chisel(lua)?);
    t.set("field", lua.create_function(move |lua, h: Value| evt_field(lua, &sh, &st, h))?)?;
    t.set(
        "get_num",
        lua.create_function(|lua, ()| match shared(lua)?.ctx() {
            Some(c) => Ok(c.num() as f64),
            None => err("invalid call to evt.get_num()"),
        })?,
    )?;
    t.set(
        "get_ts",
        lua.create_function(|lua, ()| match shared(lua)?.ctx() {
            Some(c) => {
                let ts = c.event().ts();
                Ok(((ts / 1_000_000_000) as f64, (ts % 1_000_000_000) as f64))
            }
            None => err("invalid call to evt.get_ts()"),
        })?,
    )?;
    t.set(
        "get_type",
        lua.create_function(|lua, ()| match shared(lua)?.ctx() {
            Some(c) => Ok(c.type_name().to_owned()),
            None => err("invalid call to evt.get_type()"),
        })?,
    )?;
    t.set(
        "get_cpuid",
        lua.create_function(|lua, ()| match shared(lua)?.ctx() {
            Some(c) => Ok(f64::from(c.event().cpuid())),
            None => err("invalid call to evt.get_cpuid()"),
        })?,
    )?;
    Ok(t)
}

/// The format `""` and `"default"` stand for in `set_event_formatter`.
const DEFAULT_FORMAT: &str =
    "*%evt.num %evt.time %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.args";

fn interval_setter(lua: &Lua, scale: f64, precise: bool) -> mlua::Result<mlua::Function> {
    lua.create_function(move |lua, n: f64| {
        let st = chisel(lua)?;
        let ns = if n.is_finite() && n > 0.0 { (n.trunc() * scale) as u64 } else { 0 };
        let mut c = st.clock.borrow_mut();
        if precise {
            c.precise = ns;
        } else {
            c.aligned = ns;
        }
        Ok(())
    })
}

fn install_chisel(lua: &Lua) -> mlua::Result<Table> {
    let t = lua.create_table()?;
    t.set(
        "request_field",
        lua.create_function(|lua, name: Option<String>| {
            let Some(name) = name else { return err("chisel requesting nil field") };
            let st = chisel(lua)?;
            // As in sysdig, the name only has to start with a field: the rest is
            // ignored (`evt.arg.environment` is `evt.arg.env`).
            // Values are those sysdig's output shows (fd names without
            // unprintable bytes), except `evt.rawarg.*`, which is raw (bytes for
            // buffers), as filters see it.
            let field = resolve(&name, Context::Format).and_then(|(f, used)| {
                if f.id == FieldId::EvtRawarg {
                    resolve(&name[..used], Context::Filter)
                } else {
                    Ok((f, used))
                }
            });
            match field {
                Ok((field, _)) => {
                    let mut h = st.handles.borrow_mut();
                    h.push(Handle { field, cpu_last: Default::default() });
                    Ok(Value::LightUserData(LightUserData(h.len() as *mut c_void)))
                }
                Err(_) => err(format!("chisel requesting nonexistent field {name}")),
            }
        })?,
    )?;
    t.set(
        "set_filter",
        lua.create_function(|lua, s: String| {
            let st = chisel(lua)?;
            if s.is_empty() {
                *st.filter.borrow_mut() = None;
                return Ok(());
            }
            match filter::Filter::compile(&s) {
                Ok(f) => {
                    *st.filter.borrow_mut() = Some(f);
                    Ok(())
                }
                Err(e) => err(format!("invalid filter in chisel {}: {e}", st.name.borrow())),
            }
        })?,
    )?;
    t.set(
        "set_event_formatter",
        lua.create_function(|lua, s: String| {
            let st = chisel(lua)?;
            let fmt = if s.is_empty() || s == "default" { DEFAULT_FORMAT } else { s.as_str() };
            match filter::Formatter::new(fmt) {
                Ok(f) => {
                    *st.format.borrow_mut() = Some(f);
                    Ok(())
                }
                Err(e) => {
                    err(format!("invalid event formatter in chisel {}: {e}", st.name.borrow()))
                }
            }
        })?,
    )?;
    t.set("set_interval_s", interval_setter(lua, 1e9, false)?)?;
    t.set("set_interval_ns", interval_setter(lua, 1.0, false)?)?;
    t.set("set_precise_interval_ns", interval_setter(lua, 1.0, true)?)?;
    t.set(
        "exec",
        lua.create_function(|lua, args: MultiValue| {
            let st = chisel(lua)?;
            let mut it = args.into_iter();
            let name = match it.next() {
                Some(Value::String(s)) => s.to_string_lossy(),
                _ => return err(format!("invalid exec field name in chisel {}", st.name.borrow())),
            };
            let mut values = Vec::new();
            for v in it {
                match v {
                    Value::String(s) => values.push(s.to_string_lossy()),
                    Value::Integer(i) => values.push(i.to_string()),
                    Value::Number(n) => values.push(lua_number_text(n)),
                    _ => break,
                }
            }
            if st.in_init.get() {
                *st.exec.borrow_mut() = Some((name, values));
            }
            Ok(())
        })?,
    )?;
    Ok(t)
}

/// A number as an `exec` argument: integers without a fraction, others as Rust
/// prints them (chisels pass integers in practice).
pub(crate) fn lua_number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 { format!("{}", n as i64) } else { format!("{n}") }
}

fn parse_ts(s: &str) -> u64 {
    s.trim().parse::<u64>().unwrap_or(0)
}

fn buffer_format_named(name: &str) -> Option<BufferFormat> {
    Some(match name {
        "normal" | "json" | "simple" => BufferFormat::Dots,
        "hex" => BufferFormat::Hex,
        "hexascii" => BufferFormat::HexAscii,
        "ascii" => BufferFormat::Ascii,
        "base64" | "jsonbase64" => BufferFormat::Base64,
        _ => return None,
    })
}

fn install_sysdig(lua: &Lua) -> mlua::Result<Table> {
    let t = lua.create_table()?;
    t.set(
        "set_filter",
        lua.create_function(|lua, s: String| {
            let sh = shared(lua)?;
            let st = chisel(lua)?;
            if sh.global_filter.borrow().is_some() {
                return err(format!(
                    "invalid filter in chisel {}: filter can only be set once",
                    st.name.borrow()
                ));
            }
            if let Err(e) = filter::Filter::compile(&s) {
                return err(format!("invalid filter in chisel {}: {e}", st.name.borrow()));
            }
            *sh.global_filter.borrow_mut() = Some(s);
            Ok(())
        })?,
    )?;
    t.set(
        "get_filter",
        lua.create_function(|lua, ()| {
            Ok(shared(lua)?.global_filter.borrow().clone().unwrap_or_default())
        })?,
    )?;
    t.set(
        "set_snaplen",
        lua.create_function(|lua, n: f64| {
            shared(lua)?.snaplen.set(Some(n.max(0.0) as u32));
            Ok(())
        })?,
    )?;
    t.set(
        "set_output_format",
        lua.create_function(|lua, s: String| {
            let sh = shared(lua)?;
            let Some(bf) = buffer_format_named(&s) else {
                return err(format!(
                    "invalid set_output_format value in chisel {}",
                    chisel(lua)?.name.borrow()
                ));
            };
            if !sh.opts.buffer_format_explicit {
                sh.set_buffer_format(bf);
            }
            Ok(())
        })?,
    )?;
    t.set(
        "get_output_format",
        lua.create_function(|lua, ()| Ok(if shared(lua)?.opts.json { "json" } else { "normal" }))?,
    )?;
    t.set("set_fatfile_dump_mode", lua.create_function(|_, _: Value| Ok(()))?)?;
    t.set(
        "is_live",
        lua.create_function(|lua, ()| {
            let sh = shared(lua)?;
            Ok(sh.capture_open.get() && sh.opts.live)
        })?,
    )?;
    t.set("is_tty", lua.create_function(|_, ()| Ok(std::io::stdout().is_terminal()))?)?;
    t.set(
        "get_terminal_info",
        lua.create_function(|lua, ()| {
            let t = lua.create_table()?;
            let (w, h) = terminal_size().unwrap_or((-1, -1));
            t.set("width", w)?;
            t.set("height", h)?;
            Ok(t)
        })?,
    )?;
    t.set(
        "is_print_container_data",
        lua.create_function(|lua, ()| Ok(shared(lua)?.opts.print_container_data))?,
    )?;
    t.set(
        "get_machine_info",
        lua.create_function(|lua, ()| {
            let sh = shared(lua)?;
            let Some(engine) = sh.engine().filter(|_| sh.capture_open.get()) else {
                return err(
                    "get_machine_info can only be called from the on_capture_start callback",
                );
            };
            let t = lua.create_table()?;
            if let Some(m) = engine.machine() {
                t.set("num_cpus", f64::from(m.num_cpus))?;
                t.set("memory_size_bytes", m.memory_size_bytes as f64)?;
                t.set("max_pid", m.max_pid as f64)?;
                t.set("hostname", lua.create_string(&m.hostname)?)?;
            }
            Ok(t)
        })?,
    )?;
    for (name, fds, barebone) in [
        ("get_thread_table", true, false),
        ("get_thread_table_nofds", false, false),
        ("get_thread_table_barebone", true, true),
        ("get_thread_table_barebone_nofds", false, true),
    ] {
        t.set(
            name,
            lua.create_function(move |lua, filter: Option<String>| {
                let sh = shared(lua)?;
                let st = chisel(lua)?;
                let Some(engine) = sh.engine() else {
                    return err(format!("{name} called before the capture started"));
                };
                let filter = match filter.as_deref().map(str::trim) {
                    None | Some("") => None,
                    Some(f) => match tables::ThreadFilter::compile(f) {
                        Ok(f) => Some(f),
                        Err(e) => {
                            return err(format!(
                                "invalid filter argument for get_thread_table in chisel {}: {e}",
                                st.name.borrow()
                            ));
                        }
                    },
                };
                tables::thread_table(lua, engine, filter.as_ref(), fds, barebone)
            })?,
        )?;
    }
    t.set(
        "get_container_table",
        lua.create_function(|lua, _: MultiValue| {
            let sh = shared(lua)?;
            match sh.engine() {
                Some(e) => tables::container_table(lua, e),
                None => lua.create_table(),
            }
        })?,
    )?;
    t.set(
        "get_evtsource_name",
        lua.create_function(|lua, ()| {
            let sh = shared(lua)?;
            Ok(if sh.capture_open.get() && !sh.opts.live {
                sh.opts.evtsource_name.clone()
            } else {
                String::new()
            })
        })?,
    )?;
    t.set(
        "get_firstevent_ts",
        lua.create_function(|lua, ()| Ok(shared(lua)?.first_ts.get().to_string()))?,
    )?;
    t.set(
        "get_lastevent_ts",
        lua.create_function(|lua, ()| Ok(shared(lua)?.last_ts.get().to_string()))?,
    )?;
    t.set(
        "get_read_progress",
        lua.create_function(|lua, ()| {
            let sh = shared(lua)?;
            if !sh.capture_open.get() {
                return err("get_read_progress: the capture is not open");
            }
            Ok(sh.read_progress.get())
        })?,
    )?;
    t.set(
        "make_ts",
        lua.create_function(|_, (s, ns): (f64, f64)| {
            Ok((u64::from(s as i64 as u32) * 1_000_000_000 + u64::from(ns as i64 as u32))
                .to_string())
        })?,
    )?;
    t.set(
        "add_ts",
        lua.create_function(|_, (a, b): (String, String)| {
            Ok(parse_ts(&a).wrapping_add(parse_ts(&b)).to_string())
        })?,
    )?;
    t.set(
        "subtract_ts",
        lua.create_function(|_, (a, b): (String, String)| {
            Ok((parse_ts(&a).wrapping_sub(parse_ts(&b)) as i64).to_string())
        })?,
    )?;
    t.set(
        "end_capture",
        lua.create_function(|lua, ()| {
            shared(lua)?.end_capture.set(true);
            Ok(())
        })?,
    )?;
    t.set(
        "run_app",
        lua.create_function(|lua, s: String| {
            *shared(lua)?.run_app.borrow_mut() = Some(s);
            Ok(())
        })?,
    )?;
    t.set("log", lua.create_function(|_, _: MultiValue| Ok(()))?)?;
    t.set(
        "udp_setpeername",
        lua.create_function(|lua, (ip, port): (String, Value)| {
            let port: u16 = match port {
                Value::Integer(i) => i as u16,
                Value::Number(n) => n as u16,
                Value::String(s) => s.to_string_lossy().trim().parse().unwrap_or(0),
                _ => 0,
            };
            let Ok(addr) = ip.parse::<std::net::Ipv4Addr>() else {
                return err("inet_pton error occurred");
            };
            let sock = std::net::UdpSocket::bind(("0.0.0.0", 0))
                .and_then(|s| s.connect((addr, port)).map(|()| s))
                .map_err(|e| mlua::Error::RuntimeError(format!("udp_setpeername error: {e}")))?;
            *shared(lua)?.udp.borrow_mut() = Some(sock);
            Ok(())
        })?,
    )?;
    t.set(
        "udp_send",
        lua.create_function(|lua, s: mlua::LuaString| {
            let sh = shared(lua)?;
            let udp = sh.udp.borrow();
            let sent = udp.as_ref().map(|u| u.send(&s.as_bytes()));
            match sent {
                Some(Ok(_)) => Ok(()),
                _ => err("udp_send error: cannot send the buffer: "),
            }
        })?,
    )?;
    Ok(t)
}

fn terminal_size() -> Option<(i32, i32)> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    // SAFETY: winsize is plain data and TIOCGWINSZ writes only into it.
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: fd 1 is open (it is a terminal) and `ws` is a valid out pointer.
    let r = unsafe { libc::ioctl(1, libc::TIOCGWINSZ, &mut ws) };
    (r == 0).then(|| (i32::from(ws.ws_col), i32::from(ws.ws_row)))
}

/// Registers the three API tables as globals.
pub(super) fn install(lua: &Lua) -> mlua::Result<()> {
    let g = lua.globals();
    g.set("evt", install_evt(lua)?)?;
    g.set("chisel", install_chisel(lua)?)?;
    g.set("sysdig", install_sysdig(lua)?)?;
    Ok(())
}
