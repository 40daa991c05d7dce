--[[
sysray chisel: spy_syslog. Echoes the messages processes send to syslog.
--]]

description = "Prints every message written to syslog (/dev/log) as facility.severity process[tid] message. On a terminal lines are red for errors and worse, yellow for warnings, blue for containers and green otherwise; -pc/-pk adds the container id and name. With dump_file_name, the events around each message are then written to that file (capture files only)."
short_description = "Print every message written to syslog. Optionally, export the events around each syslog message to file."
category = "Logs"

args = {
	{name = "dump_file_name", description = "The name of the file where the chisel will write the events related to each syslog entry.", argtype = "string", optional = true},
	{name = "dump_range_ms", description = "The time interval to capture *before* and *after* each event, in milliseconds. For example, 500 means that 1 second around each displayed event (.5s before and .5s after) will be saved to <dump_file_name>. The default value for dump_range_ms is 1000.", argtype = "int", optional = true},
	{name = "disable_color", description = "Set to 'disable_colors' if you want to disable color output", argtype = "string", optional = true},
}

require "common"
terminal = require "ansiterminal"
terminal.enable_color(true)

local dump_file, range_ms = nil, 1000
local entries = {}
local started = false

function on_set_arg(name, val)
	if name == "dump_file_name" then
		dump_file = val
	elseif name == "dump_range_ms" then
		range_ms = val
	elseif name == "disable_color" and val == "disable_color" then
		terminal.enable_color(false)
	else
		return false
	end
	return true
end

function on_init()
	f_fac = chisel.request_field("syslog.facility.str")
	f_sev = chisel.request_field("syslog.severity.str")
	f_sevcode = chisel.request_field("syslog.severity")
	f_msg = chisel.request_field("syslog.message")
	f_tid = chisel.request_field("thread.tid")
	f_proc = chisel.request_field("proc.name")
	f_cname = chisel.request_field("container.name")
	f_cid = chisel.request_field("container.id")
	with_container = sysdig.is_print_container_data()
	sysdig.set_snaplen(1000)
	chisel.set_filter("fd.name contains /dev/log and evt.is_io_write=true and evt.dir=< and evt.failed=false")
	is_tty = sysdig.is_tty()
	return true
end

function on_capture_start()
	if dump_file and sysdig.is_live() then
		print("events export not supported on live captures")
		return false
	end
	started = true
	return true
end

function on_event()
	local fac, sev, msg = tostring(evt.field(f_fac)), tostring(evt.field(f_sev)), tostring(evt.field(f_msg))
	local code = evt.field(f_sevcode) or 6
	local tid = evt.field(f_tid)
	local cname, cid = tostring(evt.field(f_cname)), tostring(evt.field(f_cid))
	local body = string.format("%s.%s %s[%u] %s", fac, sev, tostring(evt.field(f_proc)), tid, msg)
	local colour = ""
	if is_tty then
		colour = terminal.green
		if code == 4 then
			colour = terminal.yellow
		elseif code < 4 then
			colour = terminal.red
		elseif cname ~= "host" then
			colour = terminal.blue
		end
	end
	if with_container then
		print(string.format("%s%-20s %-20s %s", colour, cid, cname, body))
	else
		print(colour .. body)
	end
	if dump_file then
		local s, ns = evt.get_ts()
		table.insert(entries, {s, ns, tid})
	end
	return true
end

function on_capture_end()
	if is_tty then
		print(terminal.reset)
	end
	if dump_file and started then
		print("Writing events for " .. #entries .. " log entries")
		sysdig.run_app(around_args(sysdig.get_evtsource_name(), dump_file, entries, range_ms))
	end
end
