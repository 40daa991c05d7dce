--[[
sysray chisel: netlower. Prints every network I/O call slower than a threshold.
--]]

description = "Prints every network I/O call that took longer than min_ms milliseconds: date and time, process, call, latency in milliseconds and fd name, green on the host and blue in containers (-pc/-pk adds the container id and name)."
short_description = "Trace slow network I/0"
category = "Performance"

args = {
	{name = "min_ms", description = "Minimum millisecond threshold for showing network I/O", argtype = "int", optional = false},
	{name = "disable_color", description = "Set to 'disable_colors' if you want to disable color output", argtype = "string", optional = true},
}

require "common"
terminal = require "ansiterminal"
terminal.enable_color(true)

local min_ms = 0
local skip_dev = false
local PLAIN = "%-23.23s %-12.12s %-8s %-12s %s"
local PLAIN_ROW = "%-23.23s %-12.12s %-8s %12d %s"
local WITH_CONTAINER = "%-23.23s %-20.20s %-20.20s %-12.12s %-8s %-12s %s"
local WITH_CONTAINER_ROW = "%-23.23s %-20.20s %-20.20s %-12.12s %-8s %12d %s"

function on_set_arg(name, val)
	if name == "disable_color" and val == "disable_color" then
		terminal.enable_color(false)
	elseif name == "min_ms" then
		min_ms = parse_numeric_input(val, name)
	end
	return true
end

function on_init()
	f_type = chisel.request_field("evt.type")
	f_dir = chisel.request_field("evt.dir")
	f_time = chisel.request_field("evt.datetime")
	f_name = chisel.request_field("fd.name")
	f_proc = chisel.request_field("proc.name")
	f_lat = chisel.request_field("evt.latency")
	f_cname = chisel.request_field("container.name")
	f_cid = chisel.request_field("container.id")
	with_container = sysdig.is_print_container_data()
	chisel.set_filter("evt.is_io=true and (fd.type=ipv4 or fd.type=ipv6)")
	local dashes = string.rep("-", 41)
	if with_container then
		print(string.format(WITH_CONTAINER, "evt.datetime", "container.id", "container.name", "proc.name", "evt.type", "LATENCY(ms)", "fd.name"))
		print(string.format(WITH_CONTAINER, string.rep("-", 23), string.rep("-", 30), string.rep("-", 30), string.rep("-", 12), string.rep("-", 8), string.rep("-", 12), dashes))
	else
		print(string.format(PLAIN, "evt.datetime", "proc.name", "evt.type", "LATENCY(ms)", "fd.name"))
		print(string.format(PLAIN, string.rep("-", 23), string.rep("-", 12), string.rep("-", 8), string.rep("-", 12), dashes))
	end
	return true
end

function on_event()
	if evt.field(f_dir) ~= "<" then
		return true
	end
	local ms = (evt.field(f_lat) or 0) / 1000000
	if ms <= min_ms then
		return true
	end
	local name = evt.field(f_name) or "<NA>"
	if skip_dev and string.sub(name, 1, 5) == "/dev/" then
		return true
	end
	local colour = terminal.green
	local cname = evt.field(f_cname)
	if cname ~= "host" then
		colour = terminal.blue
	end
	if with_container then
		print(colour .. string.format(WITH_CONTAINER_ROW, evt.field(f_time), tostring(evt.field(f_cid)), tostring(cname),
			tostring(evt.field(f_proc)), evt.field(f_type), ms, name))
	else
		print(colour .. string.format(PLAIN_ROW, evt.field(f_time), tostring(evt.field(f_proc)), evt.field(f_type), ms, name))
	end
	return true
end
