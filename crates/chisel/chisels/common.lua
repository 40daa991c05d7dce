--[[
sysray chisel library: helpers shared by the chisels (require "common").
Written for sysray; the functions keep the names and output formats that
sysdig chisels expect, so third-party chisels requiring "common" work too.
--]]

ONE_S_IN_NS = 1000000000
ONE_MS_IN_NS = 1000000
ONE_US_IN_NS = 1000

json = require "dkjson"

-- Pads s with spaces to w bytes, or cuts it to w-1 bytes and one space.
function extend_string(s, w)
	if w <= 0 then
		return ""
	end
	local n = #s
	if n < w then
		return s .. string.rep(" ", w - n)
	end
	return string.sub(s, 1, w - 1) .. " "
end

local KB = 1024
local UNITS = {
	{KB * KB * KB * KB * KB, "P"},
	{KB * KB * KB * KB, "T"},
	{KB * KB * KB, "G"},
	{KB * KB, "M"},
	{KB, "KB"},
}

-- x with two decimals, halves rounded away from zero (as the LuaJIT sysdig
-- 0.29.3 ships does; newer LuaJIT rounds exact halves to even).
function format_2f(x)
	if x < 0 then
		return "-" .. format_2f(-x)
	end
	return string.format("%.2f", math.floor(x * 100 + 0.5) / 100)
end

-- Human-readable byte count: 1.50KB, 2.00M, 17B.
function format_bytes(v)
	for _, u in ipairs(UNITS) do
		if v > u[1] then
			return format_2f(v / u[1]) .. u[2]
		end
	end
	return string.format("%dB", v)
end

-- Human-readable duration of ns nanoseconds: 1.25s, 78ms, 7.78ms, 766us, 3.76us, 512ns.
function format_time_interval(ns)
	local function split(unit)
		local whole = math.floor(ns / unit)
		local hundredths = math.floor((ns - whole * unit) * 100 / unit)
		return whole, hundredths
	end
	if ns >= ONE_S_IN_NS then
		return string.format("%u.%02us", split(ONE_S_IN_NS))
	elseif ns >= 10 * ONE_MS_IN_NS then
		return string.format("%ums", math.floor(ns / ONE_MS_IN_NS))
	elseif ns >= ONE_MS_IN_NS then
		return string.format("%u.%02ums", split(ONE_MS_IN_NS))
	elseif ns >= 10 * ONE_US_IN_NS then
		return string.format("%uus", math.floor(ns / ONE_US_IN_NS))
	elseif ns >= ONE_US_IN_NS then
		return string.format("%u.%02uus", split(ONE_US_IN_NS))
	end
	return string.format("%uns", ns)
end

-- Seconds and nanoseconds as one decimal timestamp string.
function ts_to_str(ts_s, ts_ns)
	return string.format("%u%.9u", ts_s, ts_ns)
end

function split(s, sep)
	local out = {}
	local from = 1
	while true do
		local a, b = string.find(s, sep, from, true)
		if a == nil then
			table.insert(out, string.sub(s, from))
			return out
		end
		table.insert(out, string.sub(s, from, a - 1))
		from = b + 1
	end
end

function starts_with(s, prefix)
	return string.sub(s, 1, #prefix) == prefix
end

function ends_with(s, suffix)
	return suffix == "" or string.sub(s, -#suffix) == suffix
end

function typeof(v)
	return type(v)
end

function copytable(t)
	local c = {}
	for k, v in pairs(t) do
		c[k] = v
	end
	return c
end

function concattable(a, b)
	local out = copytable(a)
	for _, v in ipairs(b) do
		table.insert(out, v)
	end
	return out
end

-- Prints "Input <name> must be a number." and exits when v is not numeric.
function parse_numeric_input(v, name)
	local n = tonumber(v)
	if n == nil then
		print("Input " .. name .. " must be a number.")
		os.exit()
	end
	return n
end

-- A readable dump of a value (tables recursively, keys sorted).
function st(v, indent)
	indent = indent or ""
	if type(v) ~= "table" then
		return tostring(v)
	end
	local keys = {}
	for k in pairs(v) do
		table.insert(keys, k)
	end
	table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
	local lines = {"{"}
	for _, k in ipairs(keys) do
		table.insert(lines, indent .. "  " .. tostring(k) .. " = " .. st(v[k], indent .. "  ") .. ",")
	end
	table.insert(lines, indent .. "}")
	return table.concat(lines, "\n")
end

-- Keys of t ordered by cmp(t, a, b), at most n of them (0 = all).
function pairs_top_by_val(t, n, cmp)
	local keys = {}
	for k in pairs(t) do
		table.insert(keys, k)
	end
	table.sort(keys, function(a, b) return cmp(t, a, b) end)
	local i = 0
	return function()
		i = i + 1
		if (n == 0 or i <= n) and keys[i] ~= nil then
			return keys[i], t[keys[i]]
		end
	end
end

-- Descending by value, ascending by key on ties: a deterministic order.
function sysray_desc_then_key(t, a, b)
	if t[a] ~= t[b] then
		return t[a] > t[b]
	end
	return tostring(a) < tostring(b)
end

local KEY_SEP = "\001\001"

local function format_value(v, viz, total_delta)
	if viz.value_units == "bytes" then
		return format_bytes(v)
	elseif viz.value_units == "time" then
		return format_time_interval(v)
	elseif viz.value_units == "timepct" then
		if total_delta > 0 then
			return format_2f(v / total_delta * 100) .. "%"
		end
		return "0.00%"
	end
	return tostring(v)
end

--[[
Prints a top table: tbl maps keys (parts joined by \001\001) to numbers; viz has
key_fld, key_desc (arrays), value_desc, valueunits, top_number, output_format.
--]]
function print_sorted_table(tbl, ts_s, ts_ns, delta, viz)
	local top = viz.top_number or 0
	if viz.output_format == "json" then
		local rows = {}
		for k, v in pairs_top_by_val(tbl, top, sysray_desc_then_key) do
			local row = split(k, KEY_SEP)
			table.insert(row, v)
			table.insert(rows, row)
		end
		local info = {}
		for i, f in ipairs(viz.key_fld) do
			table.insert(info, {name = f, desc = viz.key_desc[i], is_key = true})
		end
		info[3] = {name = viz.value_fld, desc = viz.value_desc, is_key = false}
		print(json.encode({ts = sysdig.make_ts(ts_s, ts_ns), data = rows, info = info}, {indent = true}))
		return
	end
	local header = extend_string(viz.value_desc, 20)
	for _, d in ipairs(viz.key_desc) do
		header = header .. extend_string(d, 20)
	end
	print(header)
	print(string.rep("-", 80))
	for k, v in pairs_top_by_val(tbl, top, sysray_desc_then_key) do
		local parts = split(k, KEY_SEP)
		local line = extend_string(format_value(v, viz, delta), 20)
		for i = 1, #parts - 1 do
			line = line .. extend_string(string.sub(parts[i], 1, 20), 20)
		end
		print(line .. parts[#parts])
	end
end

-- The keys of t in ascending order (numbers before strings).
function sorted_keys(t)
	local keys = {}
	for k in pairs(t) do
		table.insert(keys, k)
	end
	table.sort(keys, function(a, b)
		local ta, tb = type(a), type(b)
		if ta ~= tb then
			return ta == "number"
		end
		return a < b
	end)
	return keys
end

--[[
Snapshot chisels (ps, lsof, netstat, lscontainers) print the state as it is at
the first event: on_event ends the capture and on_capture_end prints. This sets
up those callbacks; print_snapshot() is called with no argument at the end, or
is not called when the capture never started. When needs_event is true and no
event was seen, a note is printed instead.
--]]
function snapshot_chisel(print_snapshot, needs_event)
	local started, seen = false, false
	function on_capture_start()
		started = true
		return true
	end
	function on_event()
		seen = true
		sysdig.end_capture()
		return false
	end
	function on_capture_end()
		if not started then
			return true
		end
		if needs_event and not seen then
			print("empty capture or no event matching the filter")
			return true
		end
		print_snapshot()
		return true
	end
end

-- The sysray arguments that re-read `source` and write the events within
-- range_ms of each (seconds, nanoseconds, tid) entry to `out` (-F -r ... -w ...).
function around_args(source, out, entries, range_ms)
	local parts = {}
	for i, e in ipairs(entries) do
		parts[i] = "(evt.around[" .. ts_to_str(e[1], e[2]) .. "]=" .. range_ms .. " and thread.tid=" .. e[3] .. ")"
	end
	return "-F -r" .. source .. " -w" .. out .. " " .. table.concat(parts, " or ")
end

--[[
Heat-map rows for spectrogram and subsecoffset: one character per column, its
colours and shade from the count of events per second in that column.
--]]
local HEAT_COLOURS = {22, 28, 64, 34, 2, 76, 46, 118, 154, 191, 227, 226, 11, 220, 209, 208, 202, 197, 9, 1}
local HEAT_CHARS = {" ", "\226\150\145", "\226\150\146", "\226\150\145"}

function heat_cell(count, per_sec)
	local level = math.log10(count * per_sec + 1) / math.log10(1.6)
	level = math.max(1, math.min(level, #HEAT_COLOURS))
	local lo, hi = math.floor(level), math.ceil(level)
	local frac = level - lo
	local ch = HEAT_CHARS[math.floor(1 + frac * #HEAT_CHARS)]
	if frac > .75 then
		return HEAT_COLOURS[hi], HEAT_COLOURS[lo], ch
	end
	return HEAT_COLOURS[lo], HEAT_COLOURS[hi], ch
end

-- Writes one heat-map row of `width` columns from counts[1..width].
function write_heat_row(counts, width, per_sec, terminal)
	terminal.moveup(1)
	for x = 1, width do
		local n = counts[x]
		local ch = " "
		if n == nil or n == 0 then
			terminal.setfgcol(0)
			terminal.setbgcol(0)
		else
			local fg, bg
			fg, bg, ch = heat_cell(n, per_sec)
			terminal.setfgcol(fg)
			terminal.setbgcol(bg)
		end
		io.write(ch)
	end
	io.write(terminal.reset .. "\n")
end
