//! What chisels print, and what they `require`.
//!
//! Lua's `print`, `io.write`, `io.stdout:write` and the event formatter all write
//! to the run's one output writer, so lines stay in call order. `os.exit(code)`
//! flushes that writer and unwinds to the runner with [`ExitRequest`] instead of
//! ending the process, so a library user decides what exiting means. `require`
//! finds modules along the chisel search path, the embedded chisel directory
//! included, before Lua's own `package.path`.

use std::rc::Rc;

use mlua::{Lua, MultiValue, Value};

use super::Shared;

/// `os.exit(code)` was called.
#[derive(Debug)]
pub(crate) struct ExitRequest(pub i32);

impl std::fmt::Display for ExitRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "os.exit({})", self.0)
    }
}

impl std::error::Error for ExitRequest {}

fn shared(lua: &Lua) -> mlua::Result<Rc<Shared>> {
    lua.app_data_ref::<Rc<Shared>>()
        .map(|s| s.clone())
        .ok_or_else(|| mlua::Error::RuntimeError("chisel host state missing".into()))
}

fn io_err(e: std::io::Error) -> mlua::Error {
    mlua::Error::RuntimeError(format!("write error: {e}"))
}

const PRELUDE: &str = r#"
local w, tostring, select, type = __sysray_write, tostring, select, type
__sysray_write = nil
print = function(...)
  local n = select('#', ...)
  for i = 1, n do
    if i > 1 then w("\t") end
    w(tostring((select(i, ...))))
  end
  w("\n")
end
local function write(...)
  for i = 1, select('#', ...) do
    local v = select(i, ...)
    local t = type(v)
    if t == "string" then w(v)
    elseif t == "number" then w(tostring(v))
    else error("bad argument #" .. i .. " to 'write' (string expected, got " .. t .. ")", 2) end
  end
end
io.write = function(...) write(...) return io.stdout end
local out = {}
out.write = function(self, ...) write(...) return self end
out.flush = function(self) io.flush() return self end
out.setvbuf = function(self) return true end
out.close = function(self) return true end
out.lines = function() error("stdout is write-only") end
io.stdout = out
"#;

/// Installs the output functions, `os.exit` and the module loader.
pub(crate) fn install(lua: &Lua) -> mlua::Result<()> {
    let g = lua.globals();
    g.set(
        "__sysray_write",
        lua.create_function(|lua, s: mlua::LuaString| {
            shared(lua)?.write(&s.as_bytes()).map_err(io_err)
        })?,
    )?;
    let io: mlua::Table = g.get("io")?;
    io.set(
        "flush",
        lua.create_function(|lua, ()| shared(lua)?.out.borrow_mut().flush().map_err(io_err))?,
    )?;
    let os: mlua::Table = g.get("os")?;
    os.set(
        "exit",
        lua.create_function(|lua, code: Option<Value>| -> mlua::Result<()> {
            let _ = shared(lua)?.out.borrow_mut().flush();
            let code = match code {
                Some(Value::Integer(i)) => i as i32,
                Some(Value::Number(n)) => n as i32,
                Some(Value::Boolean(false)) => 1,
                _ => 0,
            };
            Err(mlua::Error::external(ExitRequest(code)))
        })?,
    )?;
    lua.load(PRELUDE).set_name("=sysray").exec()?;

    // A loader for modules along the chisel search path (the working directory,
    // then each chisel directory, the embedded one included), tried before Lua's
    // own path loader so that `require "common"` gets sysray's module even when
    // sysdig's chisel directory is on the path.
    let package: mlua::Table = g.get("package")?;
    let loaders: mlua::Table = package.get("loaders")?;
    let loader = lua.create_function(|lua, module: String| -> mlua::Result<MultiValue> {
        let sh = shared(lua)?;
        match sh.search.module(&module) {
            Some(src) => {
                let f = lua.load(&*src.text).set_name(src.text.to_string()).into_function()?;
                Ok(MultiValue::from_iter([Value::Function(f)]))
            }
            None => {
                let msg =
                    format!("\n\tno chisel module '{module}' in the sysray chisel directories");
                Ok(MultiValue::from_iter([Value::String(lua.create_string(msg)?)]))
            }
        }
    })?;
    loaders.raw_insert(2, loader)?;
    Ok(())
}
