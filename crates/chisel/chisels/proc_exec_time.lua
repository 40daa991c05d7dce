--[[
sysray chisel: proc_exec_time. When a process exits, prints how long it lived,
its name and its arguments, coloured by duration.
--]]

description = "Prints one line per process exit: how long the process lived, its name and its arguments. Lines are red above 10 seconds, yellow above 3 seconds, otherwise blue for processes in containers and green on the host. With -pc/-pk the container id and name are added."
short_description = "Show process execution time"
category = "Performance"

args = {
	{name = "disable_color", description = "Set to 'disable_colors' if you want to disable color output", argtype = "string", optional = true},
}

require "common"
terminal = require "ansiterminal"
terminal.enable_color(true)

local RED_NS = 10 * ONE_S_IN_NS
local YELLOW_NS = 3 * ONE_S_IN_NS
local PLAIN = "%-13.13s %-12.12s %s"
local WITH_CONTAINER = "%-13.13s %-20.20s %-20.20s %-12.12s %s"

function on_set_arg(name, val)
	if val == "disable_colors" then
		terminal.enable_color(false)
	end
	return true
end

function on_init()
	f_name = chisel.request_field("proc.name")
	f_args = chisel.request_field("proc.args")
	f_duration = chisel.request_field("proc.duration")
	f_cname = chisel.request_field("container.name")
	f_cid = chisel.request_field("container.id")
	with_container = sysdig.is_print_container_data()
	chisel.set_filter("evt.type=procexit")
	if with_container then
		print(string.format(WITH_CONTAINER, "proc.duration", "container.id", "container.name", "proc.name", "proc.args"))
		print(string.format(WITH_CONTAINER, "-------------", string.rep("-", 20), string.rep("-", 20), "------------", string.rep("-", 20)))
	else
		print(string.format(PLAIN, "proc.duration", "proc.name", "proc.args"))
		print(string.format(PLAIN, "-------------", "------------", string.rep("-", 20)))
	end
	return true
end

function on_event()
	local d = evt.field(f_duration)
	if d == nil then
		return true
	end
	local colour = terminal.green
	if d > RED_NS then
		colour = terminal.red
	elseif d > YELLOW_NS then
		colour = terminal.yellow
	elseif evt.field(f_cname) ~= "host" then
		colour = terminal.blue
	end
	local name, args = tostring(evt.field(f_name)), tostring(evt.field(f_args))
	if with_container then
		print(colour .. string.format(WITH_CONTAINER, format_time_interval(d), tostring(evt.field(f_cid)),
			tostring(evt.field(f_cname)), name, args))
	else
		print(colour .. string.format(PLAIN, format_time_interval(d), name, args))
	end
	return true
end

function on_capture_end()
	print(terminal.reset)
end
