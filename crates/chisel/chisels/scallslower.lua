--[[
sysray chisel: scallslower. Prints every system call slower than a threshold.
--]]

description = "Prints every system call that took longer than min_ms milliseconds: date and time, process, latency in milliseconds and call, green on the host and blue in containers (-pc/-pk adds the container id and name)."
short_description = "Trace slow syscalls"
category = "Performance"

args = {
	{name = "min_ms", description = "Minimum milliseconds before which a syscall should complete", argtype = "int", optional = false},
	{name = "disable_color", description = "Set to 'disable_colors' if you want to disable color output", argtype = "string", optional = true},
}

require "common"
terminal = require "ansiterminal"
terminal.enable_color(true)

local min_ms = 0
local PLAIN = "%-23.23s %-23.23s %-20s %s"
local WITH_CONTAINER = "%-23.23s %-20.20s %-20.20s %-23.23s %-20s %s"

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
	f_time = chisel.request_field("evt.datetime")
	f_proc = chisel.request_field("proc.name")
	f_lat = chisel.request_field("evt.latency")
	f_cname = chisel.request_field("container.name")
	f_cid = chisel.request_field("container.id")
	with_container = sysdig.is_print_container_data()
	if with_container then
		print(string.format("%-23.23s %-20.20s  %-20.20s %-23.23s %-20s %s", "evt.datetime", "container.id", "container.name", "proc.name", "LATENCY(ms)", "evt.type"))
		print(string.format(WITH_CONTAINER, string.rep("-", 23), string.rep("-", 20), string.rep("-", 20), string.rep("-", 23), string.rep("-", 20), string.rep("-", 20)))
	else
		print(string.format(PLAIN, "evt.datetime", "proc.name", "LATENCY(ms)", "evt.type"))
		print(string.format(PLAIN, string.rep("-", 23), string.rep("-", 23), string.rep("-", 20), string.rep("-", 20)))
	end
	return true
end

function on_event()
	local lat = evt.field(f_lat)
	if lat == nil then
		return true
	end
	local ms = lat / 1000000
	if ms <= min_ms then
		return true
	end
	local colour = terminal.green
	local cname = evt.field(f_cname)
	if cname ~= "host" then
		colour = terminal.blue
	end
	if with_container then
		print(colour .. string.format(WITH_CONTAINER, evt.field(f_time), tostring(evt.field(f_cid)), tostring(cname),
			tostring(evt.field(f_proc)), ms, evt.field(f_type)))
	else
		print(colour .. string.format(PLAIN, evt.field(f_time), tostring(evt.field(f_proc)), ms, evt.field(f_type)))
	end
	return true
end
