--[[
sysray chisel: spy_logs. Echoes what processes write to log files.
--]]

description = "Echoes every line written to a log file (a file whose name contains .log, _log or /var/log, compressed files excluded), prefixed by the process and the file. On a terminal lines are green, yellow when they mention a warning and red when they mention an error; with -pc/-pk the container name is shown, in blue for containers. Combine with filters such as proc.name=foo or 'evt.buffer contains foo'. With dump_file_name, the events around each log line are then written to that file (capture files only)."
short_description = "Echo any write made by any process to a log file. Optionally, export the events around each log message to file."
category = "Logs"

args = {
	{name = "dump_file_name", description = "The name of the file where the chisel will write the events related to each syslog entry.", argtype = "string", optional = true},
	{name = "dump_range_ms", description = "The time interval to capture *before* and *after* each event, in milliseconds. For example, 500 means that 1 second around each displayed event (.5s before and .5s after) will be saved to <dump_file_name>. The default value for dump_range_ms is 1000.", argtype = "int", optional = true},
	{name = "disable_color", description = "Set to 'disable_colors' if you want to disable color output", argtype = "string", optional = true},
}

require "common"
terminal = require "ansiterminal"
terminal.enable_color(true)

local FILE_FILTER = "(fd.name contains .log or fd.name contains _log or fd.name contains /var/log) and not (fd.name contains .gz or fd.name contains .tgz)"
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
	f_buf = chisel.request_field("evt.buffer")
	f_tid = chisel.request_field("thread.tid")
	f_proc = chisel.request_field("proc.name")
	f_name = chisel.request_field("fd.name")
	f_cname = chisel.request_field("container.name")
	with_container = sysdig.is_print_container_data()
	sysdig.set_snaplen(2000)
	sysdig.set_output_format("ascii")
	chisel.set_filter("(" .. FILE_FILTER .. ") and evt.is_io_write=true and evt.dir=< and evt.failed=false")
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
	local buf = evt.field(f_buf) or ""
	local cname = tostring(evt.field(f_cname))
	local prefix = tostring(evt.field(f_proc)) .. " " .. tostring(evt.field(f_name)) .. " "
	for _, msg in ipairs(split(buf, "\n")) do
		if #msg ~= 0 then
			local line
			if is_tty then
				local colour = terminal.green
				local lower = string.lower(msg)
				if string.find(lower, "warn", 1, true) then
					colour = terminal.yellow
				elseif string.find(msg, "err", 1, true) then
					colour = terminal.red
				end
				if with_container then
					local ccol = colour
					if cname ~= "host" then
						ccol = terminal.blue
					end
					line = colour .. " " .. ccol .. " " .. cname .. " " .. colour .. " " .. prefix .. msg
				else
					line = colour .. " " .. prefix .. msg
				end
			elseif with_container then
				line = cname .. " " .. prefix .. msg
			else
				line = prefix .. msg
			end
			print(line)
		end
	end
	if dump_file then
		local s, ns = evt.get_ts()
		table.insert(entries, {s, ns, evt.field(f_tid)})
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
