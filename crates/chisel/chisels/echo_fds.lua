--[[
sysray chisel: echo_fds. Prints the data every read and write moves through a
file descriptor, each block after a coloured header naming the direction, the
size, the fd and the process.
--]]

description = "Prints the data read and written by processes. A header line gives the direction (red for reads, blue for writes), the byte count, the file or connection and the process; the data follows in the current buffer format (-A, -x, -X, -b). With -pc/-pk the header also names the container. Pair it with a filter to focus, e.g. proc.name=curl."
short_description = "Print the data read and written by processes."
category = "I/O"

args = {
	{name = "disable_color", description = "Set to 'disable_colors' if you want to disable color output", argtype = "string", optional = true},
}

require "common"
terminal = require "ansiterminal"
terminal.enable_color(true)

function on_set_arg(name, val)
	if val == "disable_color" then
		terminal.enable_color(false)
	end
	return true
end

function on_init()
	f_isread = chisel.request_field("evt.is_io_read")
	f_res = chisel.request_field("evt.rawarg.res")
	f_name = chisel.request_field("fd.name")
	f_proc = chisel.request_field("proc.name")
	f_cname = chisel.request_field("container.name")
	f_cid = chisel.request_field("container.id")
	with_container = sysdig.is_print_container_data()
	sysdig.set_snaplen(2000)
	chisel.set_filter("evt.is_io=true and evt.dir=< and evt.rawres>0")
	chisel.set_event_formatter("%evt.arg.data")
	return true
end

function on_event()
	local res = evt.field(f_res)
	if res == nil or res <= 0 then
		return true
	end
	local name = evt.field(f_name) or "<NA>"
	local container = ""
	if with_container then
		local cname = evt.field(f_cname)
		local colour = terminal.cyan
		if cname == "host" then
			colour = terminal.green
		end
		container = string.format("%s [%s] [%s]", colour, tostring(cname), tostring(evt.field(f_cid)))
	end
	local colour, verb, prep = terminal.blue, "Write", "to"
	if evt.field(f_isread) then
		colour, verb, prep = terminal.red, "Read", "from"
	end
	print(string.format("%s------ %s %s %s %s %s %s (%s)", colour, verb, format_bytes(res), prep, container,
		colour, name, tostring(evt.field(f_proc))))
	return true
end

function on_capture_end()
	print(terminal.reset)
end
