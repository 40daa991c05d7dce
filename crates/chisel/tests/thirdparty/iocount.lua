-- A chisel in the style of third-party sysdig chisels (test fixture): I/O of
-- one process per interval, then its threads and fds from the thread table.
description = "Counts the I/O of one process per interval and lists its open files at the end."
short_description = "I/O of one process per interval"
category = "Tests"

args = {
	{name = "proc", description = "process name", argtype = "string", optional = false},
	{name = "secs", description = "interval in seconds", argtype = "int", optional = true},
}

require "common"

local proc, secs = nil, 5
local n, bytes_in, bytes_out = 0, 0, 0

function on_set_arg(name, val)
	if name == "proc" then
		proc = val
	else
		secs = tonumber(val)
	end
	return true
end

function on_init()
	f_res = chisel.request_field("evt.rawarg.res")
	f_read = chisel.request_field("evt.is_io_read")
	f_time = chisel.request_field("evt.time.s")
	f_aname = chisel.request_field("proc.aname[1]")
	chisel.set_filter("evt.is_io=true and evt.dir=< and proc.name=" .. proc)
	chisel.set_interval_s(secs)
	return true
end

function on_event()
	local res = evt.field(f_res)
	if res ~= nil and res > 0 then
		n = n + 1
		if evt.field(f_read) then
			bytes_in = bytes_in + res
		else
			bytes_out = bytes_out + res
		end
		parent = evt.field(f_aname)
	end
	return true
end

function on_interval(ts_s, ts_ns, delta)
	print(string.format("%s %d in:%s out:%s delta:%d", evt.field(f_time), n, format_bytes(bytes_in), format_bytes(bytes_out), delta))
	n, bytes_in, bytes_out = 0, 0, 0
	return true
end

function on_capture_end(ts_s, ts_ns, delta)
	local threads = sysdig.get_thread_table("fd.type=ipv4 and proc.name=nginx")
	local tids, fds = 0, 0
	local names = {}
	for tid, t in pairs(threads) do
		tids = tids + 1
		for fd, f in pairs(t.fdtable) do
			fds = fds + 1
			names[f.name] = true
		end
	end
	local list = {}
	for name in pairs(names) do
		table.insert(list, name)
	end
	table.sort(list)
	print(string.format("end %s parent=%s threads=%d fds=%d", sysdig.make_ts(ts_s, ts_ns), tostring(parent), tids, fds))
	for _, name in ipairs(list) do
		print("  " .. name)
	end
	return true
end
