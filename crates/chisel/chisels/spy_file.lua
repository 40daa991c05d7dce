--[[
sysray chisel: spy_file. Echoes the reads and writes made to files.
--]]

description = "This chisel intercepts all reads and writes to all files. Instead of all files, you can limit interception to one file. Each line shows the time, process(pid), R or W, the byte count, the file name and the data (as text)."
short_description = "Echo any read/write made by any process to all files. Optionally, you can provide the name of one file to only intercept reads/writes to that file."
category = "I/O"

args = {
	{name = "read_or_write", description = "Specify 'R' to capture only read events; 'W' to capture only write events; 'RW' to capture read and write events. By default both read and write events are captured.", argtype = "string", optional = true},
	{name = "spy_on_file_name", description = "The name of the file which the chisel should spy on for all read and write activity.", argtype = "string", optional = true},
}

require "common"

local mode, file = nil, nil

function on_set_arg(name, val)
	if name == "read_or_write" then
		mode = val
		return true
	elseif name == "spy_on_file_name" then
		file = val
		return true
	end
	return false
end

function on_init()
	f_data = chisel.request_field("evt.arg.data")
	f_name = chisel.request_field("fd.name")
	f_isw = chisel.request_field("evt.is_io_write")
	f_pid = chisel.request_field("proc.pid")
	f_proc = chisel.request_field("proc.name")
	f_res = chisel.request_field("evt.rawarg.res")
	f_time = chisel.request_field("evt.time")
	sysdig.set_snaplen(2000)
	sysdig.set_output_format("ascii")
	local filter
	if file ~= nil and file ~= "" then
		filter = "(fd.name=" .. file .. ") and "
	else
		filter = "(not fd.name contains /dev/pt and not fd.name contains /dev/tty) and "
	end
	if mode == "R" or mode == "r" then
		filter = filter .. "evt.is_io_read=true and "
	elseif mode == "W" or mode == "w" then
		filter = filter .. "evt.is_io_write=true and "
	else
		filter = filter .. "evt.is_io=true and "
	end
	chisel.set_filter(filter .. "fd.type=file and evt.dir=< and evt.failed=false")
	return true
end

function on_event()
	local rw = "R"
	if evt.field(f_isw) == true then
		rw = "W"
	end
	print(string.format("%s %s(%s) %s %s %s %s", evt.field(f_time), tostring(evt.field(f_proc)), tostring(evt.field(f_pid)),
		rw, format_bytes(evt.field(f_res) or 0), tostring(evt.field(f_name)), tostring(evt.field(f_data))))
	return true
end
