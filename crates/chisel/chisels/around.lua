--[[
sysray chisel: around. Saves the events around the moments a filter matches.
--]]

description = "Given a filter on the command line, this chisel saves to a file every event of the same thread that happened within dump_range_ms milliseconds before or after each event the filter matches. It prints the matching events as they are found, then re-runs sysray on the same capture to write the file. Only capture files are supported."
short_description = "Export to file the events around the time range where the given filter matches."
category = "Misc"

args = {
	{name = "dump_file_name", description = "The name of the file where the chisel will write the events related to each syslog entry.", argtype = "string"},
	{name = "dump_range_ms", description = "The time interval to capture *before* and *after* each event, in milliseconds. For example, 500 means that 1 second around each displayed event (.5s before and .5s after) will be saved to <dump_file_name>. The default value for dump_range_ms is 1000.", argtype = "int"},
}

require "common"
terminal = require "ansiterminal"
terminal.enable_color(true)

local out_file, range_ms = nil, 1000
local entries = {}
local started = false

function on_set_arg(name, val)
	if name == "dump_file_name" then
		out_file = val
		return true
	elseif name == "dump_range_ms" then
		range_ms = val
		return true
	end
	return false
end

function on_init()
	f_proc = chisel.request_field("proc.name")
	f_tid = chisel.request_field("thread.tid")
	f_time = chisel.request_field("evt.time")
	is_tty = sysdig.is_tty()
	if sysdig.get_filter() == "" then
		print("no filter specified")
		return false
	end
	return true
end

function on_capture_start()
	if sysdig.is_live() then
		print("live capture not supported")
		return false
	end
	started = true
	return true
end

function on_event()
	local tid = evt.field(f_tid)
	print(evt.field(f_time) .. " " .. (evt.field(f_proc) or "<NA>") .. "(" .. tid .. ")")
	local s, ns = evt.get_ts()
	table.insert(entries, {s, ns, tid})
	return true
end

function on_capture_end()
	if is_tty then
		print(terminal.reset)
	end
	if started then
		print("\nSaving events around " .. #entries .. " syslog entries to " .. out_file)
		sysdig.run_app(around_args(sysdig.get_evtsource_name(), out_file, entries, range_ms))
	end
end
